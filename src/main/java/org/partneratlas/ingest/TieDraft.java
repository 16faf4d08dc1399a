package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.RelType;

/** A {@link TieRecord} being built (see {@link Draft}). */
public final class TieDraft extends Draft<TieRecord> {

	static final Set<String> KEYS = Set.of("from", "type", "to", "role", "start", "end", "status", "confidence", "tlp",
			"owner", "recipients", "sources");

	private @Nullable String from;

	private @Nullable String typeText;

	private @Nullable RelType type;

	private @Nullable String to;

	private @Nullable String role;

	public TieDraft() {
	}

	/** A draft holding a record's fields: what an update patches. */
	public static TieDraft of(TieRecord record) {
		TieDraft draft = new TieDraft();
		draft.from = record.from();
		draft.type = record.type();
		draft.typeText = record.type().name();
		draft.to = record.to();
		draft.role = record.role();
		draft.takeCommon(record);
		return draft;
	}

	@Override
	Set<String> keys() {
		return KEYS;
	}

	@Override
	boolean setOwn(String field, @Nullable Object value) {
		switch (field) {
			case "from" -> this.from = text(value);
			case "to" -> this.to = text(value);
			case "role" -> this.role = text(value);
			case "type" -> {
				this.typeText = text(value);
				this.type = (value instanceof RelType t) ? t : (this.typeText == null) ? null : RelType.of(this.typeText).orElse(null);
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	@Override
	@Nullable TieRecord build() {
		if (this.from == null || this.typeText == null || this.to == null) {
			problem(null, "a tie needs 'from', 'type' and 'to'");
			return null;
		}
		if (this.type == null) {
			problem("type", "unknown relationship type '" + this.typeText + "' (expected one of "
					+ Arrays.stream(RelType.values()).map(Enum::name).toList() + ")");
			return null;
		}
		return new TieRecord(this.from, this.type, this.to, this.role, this.status, this.confidence, this.start,
				this.end, marking(), this.sources, this.properties);
	}

	@Override
	List<RecordProblem> rules(TieRecord record, RecordRules.Context context) {
		return RecordRules.check(record, context);
	}

}
