package org.partneratlas.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.PartialDate;

/**
 * A source document or dataset: what every citation names.
 *
 * @param id its id ({@code source:004})
 * @param title its title
 * @param file the file it was read from, or null
 * @param publisher who published it, or null
 * @param url where it is, or null
 * @param date its date, or null
 * @param licence its licence (datasets), or null
 * @param version its version or commit (datasets), or null
 * @param retrieved when it was retrieved (datasets), or null
 */
public record SourceRecord(String id, String title, @Nullable String file, @Nullable String publisher,
		@Nullable String url, @Nullable PartialDate date, @Nullable String licence, @Nullable String version,
		@Nullable String retrieved) implements GraphRecord {

	@Override
	public @Nullable PartialDate start() {
		return this.date;
	}

	@Override
	public RecordMarking marking() {
		return RecordMarking.of(org.partneratlas.graph.Tlp.CLEAR);
	}

	@Override
	public List<Citation> sources() {
		return List.of(new Citation(this.id, "the whole document"));
	}

}
