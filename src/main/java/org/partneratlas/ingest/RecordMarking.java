package org.partneratlas.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;

/**
 * A TLP marking as a record carries it.
 *
 * @param tlp the level
 * @param owner the owning organisation (AMBER+STRICT), or null
 * @param recipients the named recipients (RED), or empty
 */
public record RecordMarking(Tlp tlp, @Nullable String owner, List<String> recipients) {

	public RecordMarking {
		recipients = List.copyOf(recipients);
	}

	/** A plain level (CLEAR, GREEN, AMBER). */
	public static RecordMarking of(Tlp tlp) {
		return new RecordMarking(tlp, null, List.of());
	}

	/** The access list the marking stores. */
	public List<String> access() {
		return Visibility.accessOf(this.tlp, this.owner, this.recipients);
	}

}
