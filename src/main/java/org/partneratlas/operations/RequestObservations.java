package org.partneratlas.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Measures every GraphQL request: {@code atlas.graphql.requests} (a timer, by operation name, root fields and outcome),
 * {@code atlas.graphql.errors} (a counter by classification: BAD_REQUEST, NOT_FOUND, TIMEOUT, INTERNAL_ERROR...).
 * Tags are bounded: an operation name or root field outside a plain form, or beyond the first
 * {@value #MAX_NAMES} distinct ones, is counted as {@code other}, so a client cannot grow the registry. A request slower
 * than {@code atlas.operations.slow-request} (1 s) is logged with its request id, operation and root fields, never
 * with its variables or any value it answered (a RED item's name must not reach a log).
 */
@Component
@Order(Integer.MIN_VALUE)
class RequestObservations implements WebGraphQlInterceptor {

	private static final Logger slow = LoggerFactory.getLogger("org.partneratlas.slow-requests");

	static final int MAX_NAMES = 200;

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,60}");

	private final MeterRegistry registry;

	private final Duration slowRequest;

	private final Set<String> names = ConcurrentHashMap.newKeySet();

	RequestObservations(MeterRegistry registry,
			@Value("${atlas.operations.slow-request:1s}") Duration slowRequest) {
		this.registry = registry;
		this.slowRequest = slowRequest;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		long started = System.nanoTime();
		return chain.next(request).doOnNext((response) -> {
			long nanos = System.nanoTime() - started;
			Shape shape = shape(request.getDocument(), request.getOperationName());
			String operation = bounded(shape.operation());
			String fields = bounded(String.join(",", shape.fields()));
			List<ResponseError> errors = response.getErrors();
			String outcome = errors.isEmpty() ? "success" : (response.isValid() ? "partial" : "invalid");
			timer(operation, fields, outcome).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
			for (ResponseError error : errors) {
				String classification = String.valueOf(error.getErrorType());
				this.registry.counter("atlas.graphql.errors", "classification", classification).increment();
				if ("UNAVAILABLE".equals(classification)) {
					// answered with 503 (GraphQlTransport): say when to come back
					response.getResponseHeaders().set("Retry-After", "5");
				}
			}
			if (nanos >= this.slowRequest.toNanos()) {
				Object id = request.getAttributes().get(RequestIds.ATTRIBUTE);
				slow.warn("Slow request {}: operation {} ({}), fields {}, {} ms, {} errors",
						(id != null) ? id : request.getId(),
						operation, shape.type(), fields, nanos / 1_000_000, errors.size());
			}
		});
	}

	private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

	/**
	 * The timers by their tags, kept so that a request does not build a meter id and look it up in the registry (a
	 * cost on every request, bench/results/2026-11-30-thin.md); bounded as the tags are (names among the first
	 * {@value #MAX_NAMES} or {@code other}, three outcomes), and started over past that, like the shapes.
	 */
	private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

	private Timer timer(String operation, String fields, String outcome) {
		List<String> key = List.of(operation, fields, outcome);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = Timer.builder("atlas.graphql.requests")
				.description("GraphQL requests by operation name, root fields and outcome")
				.tag("operation", operation)
				.tag("fields", fields)
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.register(this.registry);
			if (this.timers.size() >= 4 * MAX_NAMES) {
				this.timers.clear();
			}
			this.timers.put(key, timer);
		}
		return timer;
	}

	/** The shape of a document, kept for the {@value #MAX_NAMES} last distinct documents (parsed once each). */
	private Shape shape(String document, String operationName) {
		String key = operationName + "\u0000" + document;
		Shape shape = this.shapes.get(key);
		if (shape == null) {
			shape = Shape.of(document, operationName);
			if (this.shapes.size() >= MAX_NAMES) {
				this.shapes.clear();
			}
			this.shapes.put(key, shape);
		}
		return shape;
	}

	/** A name as a tag: its plain form, among the first distinct ones, or {@code other}. */
	String bounded(String name) {
		if (name.isEmpty()) {
			return "none";
		}
		if (name.length() > 200 || !NAME.matcher(name.replace(",", "_")).matches()) {
			return "other";
		}
		if (this.names.contains(name)) {
			return name;
		}
		if (this.names.size() < MAX_NAMES) {
			this.names.add(name);
			return name;
		}
		return "other";
	}

	/**
	 * What a request asks, by name only.
	 *
	 * @param type query or mutation
	 * @param operation the operation's name, if it has one
	 * @param fields the root fields it selects (names, not aliases; no arguments)
	 */
	record Shape(String type, String operation, List<String> fields) {

		static final Shape UNREADABLE = new Shape("unknown", "", List.of());

		static Shape of(String document, String operationName) {
			try {
				Document parsed = Parser.parse(document);
				for (OperationDefinition definition : parsed.getDefinitionsOfType(OperationDefinition.class)) {
					if (operationName != null && !operationName.equals(definition.getName())) {
						continue;
					}
					List<String> fields = new ArrayList<>();
					for (Selection<?> selection : definition.getSelectionSet().getSelections()) {
						if (selection instanceof Field field && !fields.contains(field.getName())) {
							fields.add(field.getName());
						}
					}
					fields.sort(null);
					return new Shape(definition.getOperation().name().toLowerCase(java.util.Locale.ROOT),
							(definition.getName() != null) ? definition.getName() : "", fields);
				}
			}
			catch (RuntimeException ex) {
				// a document that does not parse is answered as invalid; it is measured as unreadable
			}
			return UNREADABLE;
		}

	}

}
