package org.partneratlas.workspace;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.partneratlas.graph.Visibility;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code queryCatalogue} and {@code catalogueQuery}: the catalogue queries a caller may run, to browse and to fill a
 * form from, under the caller's visibility (an entry they may not see is not there).
 */
@Controller
class QueryCatalogueController {

	private final QueryCatalogue catalogue;

	private final JsonMapper json;

	QueryCatalogueController(QueryCatalogue catalogue, JsonMapper json) {
		this.catalogue = catalogue;
		this.json = json;
	}

	@QueryMapping
	List<CatalogueEntry> queryCatalogue(@Argument @Nullable List<CatalogueEntry.Origin> origins,
			@Argument @Nullable String text, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		List<String> words = (text == null) ? List.of()
				: List.of(text.toLowerCase(Locale.ROOT).strip().split("\\s+")).stream().filter((w) -> !w.isEmpty())
					.toList();
		return this.catalogue.list(visibility)
			.stream()
			.filter((entry) -> origins == null || origins.isEmpty() || origins.contains(entry.origin()))
			.filter((entry) -> words.stream().allMatch((word) -> (entry.id() + " " + entry.name() + " "
					+ entry.description()).toLowerCase(Locale.ROOT).contains(word)))
			.toList();
	}

	@QueryMapping
	@Nullable CatalogueEntry catalogueQuery(@Argument String id,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		QueryCatalogue.checkForm(id);
		return this.catalogue.find(id, visibility).orElse(null);
	}

	/** A default as JSON text (a list stays a list, a text is quoted), so a form can tell {@code "3"} from 3. */
	@SchemaMapping(typeName = "CatalogueVariable", field = "defaultValue")
	@Nullable String defaultValue(CatalogueEntry.Variable variable) {
		return (variable.defaultValue() == null) ? null : this.json.writeValueAsString(variable.defaultValue());
	}

}
