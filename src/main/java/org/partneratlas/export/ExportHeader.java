package org.partneratlas.export;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.partneratlas.graph.Tlp;

/**
 * What a file says before its first node: the highest marking it holds (the sources listed included), what was
 * asked, the typed keys of node and edge attributes, and the source documents its items cite (those the caller may
 * see). Everything here is known before the first row is written, so the marking can name the file.
 *
 * @param marking the highest TLP marking of anything in the file (CLEAR for an empty one)
 * @param description what the file holds, in a sentence or two
 * @param exportedAt when
 * @param nodeKeys the node attributes and their types
 * @param edgeKeys the edge attributes and their types
 * @param sources the cited source documents, as exported nodes
 */
record ExportHeader(Tlp marking, String description, OffsetDateTime exportedAt, Map<String, AttributeType> nodeKeys,
		Map<String, AttributeType> edgeKeys, List<ExportItem> sources) {

	/** The marking as TLP 2.0 writes it: {@code TLP:AMBER+STRICT}. */
	String label() {
		return "TLP:" + this.marking.marking();
	}

	/** The sentence every format puts in its metadata. */
	String summary() {
		return label() + ". Partner Atlas export of " + this.description + ", exported " + this.exportedAt
				+ ". Highest marking in this file: " + label() + "; share it accordingly.";
	}

}
