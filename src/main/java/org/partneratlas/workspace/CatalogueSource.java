package org.partneratlas.workspace;

import java.util.List;
import java.util.Optional;

import org.partneratlas.graph.Visibility;

/**
 * A source of catalogue entries (the reviewed files; the saved and promoted queries in Neo4j). The catalogue asks
 * every {@code CatalogueSource} bean; a source answers only entries the caller may see (by the entry's own marking),
 * so an entry the caller may not see is indistinguishable from one that does not exist.
 */
public interface CatalogueSource {

	/** The entry with this id (its newest version when {@code version} is null) that the caller may see. */
	Optional<CatalogueEntry> find(String id, @org.jspecify.annotations.Nullable Integer version,
			Visibility visibility);

	/** Every entry the caller may see, newest versions only. */
	List<CatalogueEntry> list(Visibility visibility);

}
