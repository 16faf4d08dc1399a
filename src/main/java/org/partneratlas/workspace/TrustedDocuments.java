package org.partneratlas.workspace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.partneratlas.access.HttpCallers;
import org.partneratlas.graph.Author;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts in the document a {@code documentId} names (for this caller: an entry they may not see is not found), and,
 * where only trusted documents run ({@code atlas.workspace.trusted-documents-only}, on in the {@code prod} profile),
 * refuses every other document to callers below admin: free-form text, and saved queries no editor has promoted.
 * Trusted are the reviewed and promoted catalogue entries and the Explorer's own documents. The allow-list is
 * enforced here, on the server, whatever a client sends; the request limits (depth, cost, deadline) then apply to the
 * resolved document as to any other. Each request is counted in {@code atlas.graphql.documents} by the kind of
 * document it ran ({@code free-form}, {@code catalogue}, {@code explorer}) or why it was refused.
 */
@Component
class TrustedDocuments implements WebGraphQlInterceptor {

	private final QueryCatalogue catalogue;

	private final boolean trustedOnly;

	private final MeterRegistry meters;

	TrustedDocuments(QueryCatalogue catalogue,
			@Value("${atlas.workspace.trusted-documents-only:false}") boolean trustedOnly, MeterRegistry meters) {
		this.catalogue = catalogue;
		this.trustedOnly = trustedOnly;
		this.meters = meters;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object asked = request.getAttributes().get(PersistedDocumentRequests.DOCUMENT_ID);
		if (asked == null && !this.trustedOnly
				&& !PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument())) {
			// the common case outside prod: free-form text, nothing to resolve or refuse
			count("free-form");
			return chain.next(request);
		}
		Author caller = HttpCallers.current();
		boolean mayRunAnything = !this.trustedOnly || caller.admin();
		if (asked instanceof String id) {
			Optional<QueryCatalogue.Document> found = this.catalogue.resolve(id, caller.visibility());
			if (found.isEmpty()) {
				return refuse(request, "not-found", ErrorClassification.errorClassification("PersistedQueryNotFound"),
						"No document with the id '" + id + "': queryCatalogue lists the catalogue queries you may "
								+ "run (an id names the newest version, id@version an earlier one)",
						Map.of("documentId", id));
			}
			QueryCatalogue.Document document = found.get();
			if (!mayRunAnything && !document.trusted()) {
				return refuse(request, "untrusted", ErrorType.FORBIDDEN, "The document '" + id + "' is a saved "
						+ "query that no editor has promoted: only trusted documents (the reviewed and promoted "
						+ "catalogue queries) run here for callers below admin", Map.of("documentId", id));
			}
			if (Boolean.TRUE.equals(request.getAttributes().get(PersistedDocumentRequests.BY_GET))
					&& mutates(document.text(), request.getOperationName())) {
				return refuse(request, "mutation-by-get", ErrorType.BAD_REQUEST,
						"A mutation cannot be run with GET: POST the documentId instead", Map.of("documentId", id));
			}
			request.configureExecutionInput((input, builder) -> builder.query(document.text()).build());
			count(document.entry() == null ? "explorer" : "catalogue");
			return chain.next(request);
		}
		if (PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument())) {
			return refuse(request, "no-document", ErrorType.BAD_REQUEST, "Send 'query' (a GraphQL document) or "
					+ "'documentId' (a catalogue id); automatic persisted queries (extensions.persistedQuery) are "
					+ "not supported", Map.of());
		}
		if (!mayRunAnything) {
			return refuse(request, "free-form", ErrorType.FORBIDDEN, "Only trusted documents run here: send "
					+ "{\"documentId\": ..., \"variables\": {...}} with the id of a catalogue query (queryCatalogue "
					+ "lists them, documentId \"x-explorer:catalogue\"); free-form queries are for admins",
					Map.of());
		}
		count("free-form");
		return chain.next(request);
	}

	private static boolean mutates(String text, String operationName) {
		return Parser.parse(text)
			.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter((op) -> operationName == null || operationName.isEmpty() || operationName.equals(op.getName()))
			.anyMatch((op) -> op.getOperation() != OperationDefinition.Operation.QUERY);
	}

	private Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String reason,
			ErrorClassification classification, String message, Map<String, Object> extensions) {
		count(reason);
		Map<String, Object> all = new LinkedHashMap<>(extensions);
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError().errorType(classification).message(message).extensions(all).build())
			.build();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
	}

	private final Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

	private void count(String kind) {
		this.counters
			.computeIfAbsent(kind,
					(k) -> Counter.builder("atlas.graphql.documents")
						.description("GraphQL requests by the kind of document they ran, or why it was refused")
						.tag("kind", k)
						.register(this.meters))
			.increment();
	}

}
