package org.partneratlas.workspace;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Visibility;

import org.springframework.stereotype.Component;

/**
 * The catalogue's saved part: queries saved and promoted through the API, as far as the caller may see them by
 * their marking. The shared list holds promoted queries only (the newest promoted version of each); by id, a saved
 * query is found by anyone whose visibility reaches its marking, like a view shared by link (only promoted ones are
 * trusted documents). Without a version, an id names its newest promoted version, so a link keeps running the
 * reviewed text while its owner saves drafts; a query never promoted is named by its newest version.
 */
@Component
class SavedQueryCatalogue implements CatalogueSource {

	private final SavedItems items;

	SavedQueryCatalogue(SavedItems items) {
		this.items = items;
	}

	@Override
	public Optional<CatalogueEntry> find(String id, @Nullable Integer version, Visibility visibility) {
		if (!id.startsWith(SavedItems.Kind.QUERY.word + ":")) {
			return Optional.empty();
		}
		return this.items.query(id, version, visibility);
	}

	@Override
	public List<CatalogueEntry> list(Visibility visibility) {
		return this.items.promoted(visibility);
	}

}
