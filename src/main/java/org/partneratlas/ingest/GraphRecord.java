package org.partneratlas.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.PartialDate;

/**
 * One item to write, as a typed value: a node, a tie or a source document. The seed loader, the editing mutations
 * and the importer all build these (through {@link NodeDraft} and {@link TieDraft}, which read text or typed input
 * the same way), {@link RecordRules} checks them, and {@link RecordRules#props} turns them into the stored
 * properties, so a rule lives in one place. The set is closed: a writer knows every shape it may be handed.
 */
public sealed interface GraphRecord permits NodeRecord, TieRecord, SourceRecord {

	/** The item's stable id. */
	String id();

	/** The status (instruments, programmes, projects, cables, ties), or null. */
	default @Nullable String status() {
		return null;
	}

	/** How sure the source is (high, medium, low), or null. */
	default @Nullable String confidence() {
		return null;
	}

	/** Further properties beyond the named fields (an import's extra columns). */
	default java.util.Map<String, Object> properties() {
		return java.util.Map.of();
	}

	/** When it started, or null. */
	default @Nullable PartialDate start() {
		return null;
	}

	/** When it ended, or null. */
	default @Nullable PartialDate end() {
		return null;
	}

	/** The TLP marking; null only on a record that failed its checks. */
	@Nullable RecordMarking marking();

	/** Where its facts come from. */
	List<Citation> sources();

}
