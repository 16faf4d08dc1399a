package org.partneratlas.contract;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.SchemaPrinter;

import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The schema at two stable URLs, for code generators, linters and review: {@code GET /graphql/schema.graphqls} (SDL,
 * every description and {@code @deprecated} kept, types in name order, so two versions diff line by line) and
 * {@code GET /graphql/schema.json} (the answer to the standard introspection query, {@code {"data": {"__schema":
 * ...}}}). Both are introspection by another door: where introspection is for admins ({@code prod}), so are they
 * ({@code access.SecurityConfiguration}). The committed {@code schema/partner-atlas.graphqls} is this SDL.
 */
@RestController
class PublishedSchema {

	private final GraphQlSource source;

	PublishedSchema(GraphQlSource source) {
		this.source = source;
	}

	@GetMapping(path = "/graphql/schema.graphqls", produces = "text/plain;charset=UTF-8")
	ResponseEntity<String> sdl() {
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.body(sdl(this.source.schema()));
	}

	@GetMapping(path = "/graphql/schema.json", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> introspection() {
		return introspection(this.source.schema());
	}

	/**
	 * The SDL of a schema as published: no introspection types, no definitions of the directives the GraphQL
	 * specification defines (they come with every server, and their text changes with graphql-java's version), every
	 * directive use ({@code @deprecated(reason: ...)}) kept.
	 */
	static String sdl(GraphQLSchema schema) {
		SchemaPrinter.Options options = SchemaPrinter.Options.defaultOptions()
			.includeIntrospectionTypes(false)
			.includeScalarTypes(true)
			.includeSchemaDefinition(false)
			.includeDirectiveDefinition((name) -> !DirectiveInfo.isGraphqlSpecifiedDirective(name)
					&& !"experimental_disableErrorPropagation".equals(name) && !"defer".equals(name));
		return new SchemaPrinter(options).print(schema);
	}

	/** The answer to graphql-java's standard introspection query (deprecated elements included). */
	static Map<String, Object> introspection(GraphQLSchema schema) {
		ExecutionResult result = GraphQL.newGraphQL(schema).build().execute(IntrospectionQuery.INTROSPECTION_QUERY);
		if (!result.getErrors().isEmpty()) {
			throw new IllegalStateException("introspection failed: " + result.getErrors());
		}
		return result.toSpecification();
	}

}
