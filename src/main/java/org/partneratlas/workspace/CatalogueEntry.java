package org.partneratlas.workspace;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.partneratlas.graph.Tlp;

/**
 * A named, described GraphQL document with typed variables that callers run by its id (the GraphQL over HTTP
 * persisted-document convention: {@code documentId} instead of the query text).
 *
 * @param id the stable id callers pass as {@code documentId}
 * @param version the entry's version (a later save makes a new version; old ids with a version keep working)
 * @param name a short human name
 * @param description what the query answers, in words
 * @param document the GraphQL document text
 * @param variables the document's variables, typed and described
 * @param origin where the entry comes from
 * @param marking the entry's own TLP marking (its name and description can be confidential too)
 * @param owner who saved it ({@code null} for reviewed files shipped with the service)
 */
public record CatalogueEntry(String id, int version, String name, String description, String document,
		List<Variable> variables, Origin origin, Tlp marking, @Nullable String owner) {

	/** Where an entry comes from. */
	public enum Origin {

		/** A reviewed file in the repository, loaded at start. */
		REVIEWED,

		/** Saved by an analyst through the API, visible to its owner (and under its marking) but not trusted. */
		SAVED,

		/** Saved through the API and promoted by an editor or admin into the shared, trusted catalogue. */
		PROMOTED;

		/** Whether callers below admin may run it where only trusted documents are allowed ({@code prod}). */
		public boolean trusted() {
			return this != SAVED;
		}

	}

	/**
	 * One variable of the document.
	 *
	 * @param name the variable's name, without {@code $}
	 * @param type its GraphQL type as written in the document, e.g. {@code ID!} or {@code [String!]}
	 * @param description what it means
	 * @param defaultValue its default, if any (JSON-like: text, number, boolean, list)
	 * @param suggest what to suggest for it in a form, if anything: {@code actor}, {@code instrumentKind},
	 * {@code label}, {@code region}, {@code date}
	 */
	public record Variable(String name, String type, String description, @Nullable Object defaultValue,
			@Nullable String suggest) {
	}

}
