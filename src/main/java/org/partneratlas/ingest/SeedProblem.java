package org.partneratlas.ingest;

/**
 * One thing wrong in the curated data.
 *
 * @param file the file, relative to the seed folder
 * @param line the line of the record or value (1-based; 0 when the problem is the file itself)
 * @param reason what is wrong, in words a curator acts on
 */
public record SeedProblem(String file, int line, String reason) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": " + this.reason;
	}

}
