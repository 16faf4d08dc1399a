package org.partneratlas.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import graphql.language.AstPrinter;
import graphql.language.FragmentDefinition;
import graphql.parser.Parser;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The Explorer page's own GraphQL documents, {@code queries/explorer/*.graphql}: trusted documents that the page
 * sends by id ({@code x-explorer:<file name>}, a prefixed document identifier of the GraphQL over HTTP persisted
 * documents appendix), so that the page works unchanged where only trusted documents run ({@code prod}). They are
 * not catalogue entries (nobody browses them), and they are not confidential (the page is public). Fragments shared
 * by several documents live in {@code queries/explorer/fragments/*.graphql}; each document gets the ones it spreads.
 */
@Component
class ExplorerDocuments {

	static final String PREFIX = "x-explorer:";

	private final Map<String, String> documents;

	ExplorerDocuments() {
		Map<String, String> fragments = new LinkedHashMap<>();
		for (Resource resource : ReviewedQueries.resources("classpath*:queries/explorer/fragments/*.graphql")) {
			for (FragmentDefinition fragment : Parser.parse(ReviewedQueries.text(resource))
				.getDefinitionsOfType(FragmentDefinition.class)) {
				fragments.put(fragment.getName(), AstPrinter.printAst(fragment));
			}
		}
		Map<String, String> documents = new LinkedHashMap<>();
		for (Resource resource : ReviewedQueries.resources("classpath*:queries/explorer/*.graphql")) {
			String file = Objects.requireNonNull(resource.getFilename());
			String id = PREFIX + file.substring(0, file.length() - ".graphql".length());
			documents.put(id, QueryFile.withFragments(ReviewedQueries.text(resource), fragments));
		}
		this.documents = Map.copyOf(documents);
	}

	/** The document the page sends under this id. */
	Optional<String> find(String id) {
		return Optional.ofNullable(this.documents.get(id));
	}

	/** Every id, sorted. */
	List<String> ids() {
		return this.documents.keySet().stream().sorted().toList();
	}

}
