package org.partneratlas.ingest;

/**
 * One thing wrong in the curated data.
 *
 * @param file the file, relative to the seed folder
 * @param line the line of the record or value (1-based; 0 when the problem is the file itself)
 * @param key the key the problem is about, or null when it is about the record or the file as a whole
 * @param reason what is wrong, in words a curator acts on
 */
public record SeedProblem(String file, int line, String key, String reason) {

	/** A problem with a record or file as a whole. */
	public SeedProblem(String file, int line, String reason) {
		this(file, line, null, reason);
	}

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": " + this.reason;
	}

}
