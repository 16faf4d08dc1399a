package org.partneratlas.workspace;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Author;
import org.partneratlas.graph.Visibility;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The saved part of the workspace ({@code workspace-views.graphqls}): saving, promoting and removing queries,
 * saving and removing views, and reading them back as the caller may see them. Inputs are taken as maps, as the
 * editing mutations take theirs, and checked into records by {@link QueryDocuments} and {@link ViewStates}.
 */
@Controller
class WorkspaceController {

	private final SavedItems items;

	WorkspaceController(SavedItems items) {
		this.items = items;
	}

	@QueryMapping
	@Nullable CatalogueEntry savedQuery(@Argument String id, @Argument @Nullable Integer version,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		return this.items.newestQuery(id, version, visibility).orElse(null);
	}

	@QueryMapping
	List<CatalogueEntry> myQueries(@ContextValue(Author.CONTEXT_KEY) Author author) {
		return author.anonymous() ? List.of() : this.items.myQueries(author);
	}

	@QueryMapping
	List<CatalogueEntry> queriesToReview(@ContextValue(Author.CONTEXT_KEY) Author author) {
		return this.items.toReview(author);
	}

	@QueryMapping
	@Nullable SavedView view(@Argument String id, @Argument @Nullable Integer version,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		return this.items.view(id, version, visibility).orElse(null);
	}

	@QueryMapping
	List<SavedView> myViews(@ContextValue(Author.CONTEXT_KEY) Author author) {
		return author.anonymous() ? List.of() : this.items.myViews(author);
	}

	@SchemaMapping(typeName = "SavedView", field = "link")
	String link(SavedView view) {
		return view.link();
	}

	@MutationMapping
	CatalogueEntry saveQuery(@Argument Map<String, Object> input, @ContextValue(Author.CONTEXT_KEY) Author author) {
		return this.items.saveQuery(author, input);
	}

	@MutationMapping
	CatalogueEntry promoteQuery(@Argument String id, @Argument int version,
			@ContextValue(Author.CONTEXT_KEY) Author author) {
		return this.items.promoteQuery(author, id, version);
	}

	@MutationMapping
	Map<String, Object> removeSavedQuery(@Argument String id, @Argument String reason,
			@ContextValue(Author.CONTEXT_KEY) Author author) {
		return Map.of("id", id, "versions", this.items.remove(author, SavedItems.Kind.QUERY, id, reason));
	}

	@MutationMapping
	SavedView saveView(@Argument Map<String, Object> input, @ContextValue(Author.CONTEXT_KEY) Author author) {
		return this.items.saveView(author, input);
	}

	@MutationMapping
	Map<String, Object> removeView(@Argument String id, @Argument String reason,
			@ContextValue(Author.CONTEXT_KEY) Author author) {
		return Map.of("id", id, "versions", this.items.remove(author, SavedItems.Kind.VIEW, id, reason));
	}

}
