package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Label;

/** A {@link NodeRecord} being built (see {@link Draft}). */
public final class NodeDraft extends Draft<NodeRecord> {

	static final Set<String> KEYS = Set.of("id", "label", "name", "acronym", "aliases", "kind", "status",
			"confidence", "start", "end", "sector", "description", "tlp", "sources", "euStatus", "iso3", "lengthKm",
			"corridor", "url", "seat", "owner", "recipients");

	private @Nullable String id;

	private @Nullable Label label;

	private @Nullable String labelText;

	private @Nullable String name;

	private @Nullable String acronym;

	private List<String> aliases = List.of();

	private @Nullable String kind;

	private @Nullable String description;

	private @Nullable String sector;

	private @Nullable String euStatus;

	private @Nullable String iso3;

	private @Nullable Double lengthKm;

	private @Nullable String corridor;

	private @Nullable String url;

	private @Nullable String seat;

	public NodeDraft() {
	}

	/** A draft holding a record's fields: what an update patches. */
	public static NodeDraft of(NodeRecord record) {
		NodeDraft draft = new NodeDraft();
		draft.id = record.id();
		draft.label = record.label();
		draft.labelText = record.label().cypherName();
		draft.name = record.name();
		draft.acronym = record.acronym();
		draft.aliases = record.aliases();
		draft.kind = record.kind();
		draft.description = record.description();
		draft.sector = record.sector();
		draft.euStatus = record.euStatus();
		draft.iso3 = record.iso3();
		draft.lengthKm = record.lengthKm();
		draft.corridor = record.corridor();
		draft.url = record.url();
		draft.seat = record.seat();
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
			case "id" -> this.id = text(value);
			case "label" -> {
				this.labelText = (value instanceof Label l) ? l.cypherName() : text(value);
				this.label = (value instanceof Label l) ? l : label(this.labelText);
			}
			case "name" -> this.name = text(value);
			case "acronym" -> this.acronym = text(value);
			case "aliases" -> this.aliases = texts(value);
			case "kind" -> this.kind = text(value);
			case "description" -> this.description = text(value);
			case "sector" -> this.sector = text(value);
			case "euStatus" -> this.euStatus = text(value);
			case "iso3" -> this.iso3 = text(value);
			case "lengthKm" -> this.lengthKm = number(field, value);
			case "corridor" -> this.corridor = text(value);
			case "url" -> this.url = text(value);
			case "seat" -> this.seat = text(value);
			default -> {
				return false;
			}
		}
		return true;
	}

	private static @Nullable Label label(@Nullable String text) {
		if (text == null) {
			return null;
		}
		Optional<Label> found = Label.ofCypherName(text);
		if (found.isEmpty()) {
			found = java.util.Arrays.stream(Label.values()).filter((l) -> l.name().equals(text)).findFirst();
		}
		return found.filter((l) -> l != Label.SOURCE).orElse(null);
	}

	@Override
	@Nullable NodeRecord build() {
		if (this.id == null || this.labelText == null) {
			problem(null, "a node needs an 'id' and a 'label'");
			return null;
		}
		if (this.label == null) {
			problem("label", "unknown label '" + this.labelText + "' (expected one of "
					+ Label.actors().stream().map(Label::cypherName).toList()
					+ " or Instrument, Programme, Project, Cable, Topic; sources belong in sources.yaml)");
			return null;
		}
		return new NodeRecord(this.id, this.label, this.name, this.acronym, this.aliases, this.kind,
				this.description, this.status, this.confidence, this.start, this.end, this.sector, this.euStatus,
				this.iso3, this.lengthKm, this.corridor, this.url, this.seat, marking(), this.sources, this.properties);
	}

	@Override
	List<RecordProblem> rules(NodeRecord record, RecordRules.Context context) {
		return RecordRules.check(record, context);
	}

}
