package org.partneratlas.ingest;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a record, before it is placed (the seed loader adds file and line, an edit {@code input.},
 * the importer file and record).
 *
 * @param field the field it is about, or null for the record as a whole
 * @param reason what is wrong, in words a curator acts on
 */
public record RecordProblem(@Nullable String field, String reason) {
}
