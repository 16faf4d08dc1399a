package org.partneratlas.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.TrivialDataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Wires the shared GraphQL types: the concrete type of a {@code Node} is its label; every field of a node or edge type
 * that no controller maps is read from the item's properties ({@link GraphItem#field}); a citation's source document
 * is fetched for all citations of a response in one batch.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlWiring {

	/** The GraphQL types whose values are {@link GraphItem}s. */
	static final List<String> ITEM_TYPES = java.util.stream.Stream
		.concat(java.util.Arrays.stream(Label.values()).map(Label::cypherName), java.util.stream.Stream.of("Edge"))
		.toList();

	@Bean
	RuntimeWiringConfigurer graphItemWiring() {
		// Trivial: a property read, so Spring for GraphQL does not observe (time) each of the thousands of fields a
		// graph answer has (bench/results/2026-11-23.md).
		TrivialDataFetcher<Object> itemField = (env) -> (env.getSource() instanceof GraphItem item)
				? item.field(env.getField().getName()) : null;
		TypeResolver byLabel = (env) -> (env.getObject() instanceof Entity entity)
				? env.getSchema().getObjectType(entity.label().cypherName()) : null;
		return (builder) -> {
			ITEM_TYPES.forEach((type) -> builder.type(type, (t) -> t.defaultDataFetcher(itemField)));
			builder.type("Node", (t) -> t.typeResolver(byLabel));
			builder.type("Actor", (t) -> t.typeResolver(byLabel));
		};
	}

	@Controller
	static class CitationController {

		private final GraphReads reads;

		private final Passages passages;

		CitationController(GraphReads reads, Passages passages) {
			this.reads = reads;
			this.passages = passages;
		}

		/**
		 * The passages of all citations in a response: shown only where the caller may see the source document (the
		 * same check as {@link #source}), one statement for the lot.
		 */
		@BatchMapping(typeName = "Citation", field = "passage")
		Map<Citation, String> passage(Collection<Citation> citations) {
			Map<Citation, Entity> visible = source(citations);
			Map<Citation, String> passages = new java.util.HashMap<>();
			for (Citation citation : visible.keySet()) {
				this.passages.passage(citation).ifPresent((text) -> passages.put(citation, text));
			}
			return passages;
		}

		/** The documents of all citations in a response, in one statement. */
		@BatchMapping(typeName = "Citation", field = "source")
		Map<Citation, Entity> source(Collection<Citation> citations) {
			List<String> ids = citations.stream().map(Citation::sourceId).distinct().toList();
			Map<String, Entity> byId = this.reads.nodes(ids, Visibility.ANONYMOUS)
				.stream()
				.filter(java.util.Objects::nonNull)
				.collect(Collectors.toMap(Entity::id, Function.identity()));
			return citations.stream()
				.filter((c) -> byId.containsKey(c.sourceId()))
				.collect(Collectors.toMap(Function.identity(), (c) -> byId.get(c.sourceId()), (x, y) -> x));
		}

	}

}
