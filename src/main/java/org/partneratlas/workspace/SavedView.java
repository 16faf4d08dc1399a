package org.partneratlas.workspace;

import org.partneratlas.graph.Tlp;

/**
 * A version of a saved view, as a caller may see it.
 *
 * @param id the stable id ({@code view:...})
 * @param version this version
 * @param latestVersion the newest version
 * @param name a short human name
 * @param description what it shows
 * @param marking the view's own marking (every version carries it)
 * @param owner who saved it
 * @param savedAt when this version was saved (ISO 8601, UTC)
 * @param state the state, cut to the caller
 */
record SavedView(String id, int version, int latestVersion, String name, String description, Tlp marking,
		String owner, String savedAt, ViewState state) {

	/** The fragment that opens this version in the Explorer. */
	String link() {
		return "#view=" + this.id + "@" + this.version;
	}

}
