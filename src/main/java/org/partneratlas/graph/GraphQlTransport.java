package org.partneratlas.graph;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.graphql.MediaTypes;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * How a GraphQL request travels through the service, without the hops that cost more than the work on cheap
 * questions (bench/results/2026-11-23.md, JFR profile):
 * <ul>
 * <li>a controller method runs on the thread that executes the request (a virtual thread), not on another virtual
 * thread of the task executor: the reads block, which is what virtual threads are for, and the hand-over per field
 * is spared;</li>
 * <li>the HTTP handler waits for the answer on the request's virtual thread and writes it, instead of handing the
 * response to Spring MVC's asynchronous processing (a second dispatch through the servlet container and the filter
 * chain per request); on a platform thread it keeps the asynchronous way;</li>
 * <li>every request has a {@link Deadline} ({@code atlas.limits.request-timeout}, or less when the caller asks
 * with {@code X-Request-Timeout-Ms}), kept with the thread that executes it: statements and computations stop when it
 * passes and the answer is HTTP 408 with a {@code TIMEOUT} error; a request refused for want of a slot for expensive
 * work ({@link ExpensiveWork}) is HTTP 503 with {@code Retry-After};</li>
 * <li>parsed and validated documents are kept by query text (a bounded map), so a repeated question is neither
 * parsed nor validated again. The request limits (depth, cost) are checked when the operation executes, with its
 * variables, so they still apply to every request.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class GraphQlTransport {

	/** Distinct query texts kept parsed; the map starts over when full (hostile text cannot grow it). */
	static final int DOCUMENT_CACHE_SIZE = 500;

	@Bean
	static BeanPostProcessor controllersRunOnTheRequestThread() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AnnotatedControllerConfigurer configurer) {
					configurer.setBlockingMethodPredicate((method) -> false);
				}
				return bean;
			}
		};
	}

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler,
			@Value("${atlas.limits.request-timeout:15s}") Duration requestTimeout) {
		return new AnsweringGraphQlHttpHandler(webGraphQlHandler, requestTimeout);
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCache() {
		DocumentCache cache = new DocumentCache(DOCUMENT_CACHE_SIZE);
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(cache));
	}

	/** Parsed and validated documents by query text; only documents without errors are kept. */
	static final class DocumentCache implements PreparsedDocumentProvider {

		private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

		private final int size;

		DocumentCache(int size) {
			this.size = size;
		}

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
				Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
			PreparsedDocumentEntry entry = this.documents.get(input.getQuery());
			if (entry == null) {
				entry = parseAndValidate.apply(input);
				if (!entry.hasErrors()) {
					if (this.documents.size() >= this.size) {
						this.documents.clear();
					}
					this.documents.put(input.getQuery(), entry);
				}
			}
			return CompletableFuture.completedFuture(entry);
		}

		int cached() {
			return this.documents.size();
		}

	}

	/** Writes the answer on the request thread when that thread is virtual (see the class comment). */
	static final class AnsweringGraphQlHttpHandler extends GraphQlHttpHandler {

		private static final java.util.List<MediaType> SUPPORTED = java.util.List.of(
				MediaTypes.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON,
				new MediaType("application", "graphql+json"));

		/** A caller may ask for a shorter deadline than the service's (never a longer one), in milliseconds. */
		static final String DEADLINE_HEADER = "X-Request-Timeout-Ms";

		private final Duration requestTimeout;

		AnsweringGraphQlHttpHandler(WebGraphQlHandler handler, Duration requestTimeout) {
			super(handler);
			this.requestTimeout = requestTimeout;
		}

		@Override
		protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
			if (!Thread.currentThread().isVirtual()) {
				return super.prepareResponse(request, responseMono);
			}
			MediaType mediaType = responseMediaType(request);
			Deadline deadline = Deadline.in(budget(request));
			WebGraphQlResponse response = deadline.run(responseMono::block);
			HttpStatus status = selectResponseStatus(response, mediaType);
			String overloaded = null;
			for (var error : response.getErrors()) {
				String classification = String.valueOf(error.getErrorType());
				if ("TIMEOUT".equals(classification)) {
					// the promise of atlas.limits.request-timeout: a request out of time is answered 408
					status = HttpStatus.REQUEST_TIMEOUT;
				}
				else if ("OVERLOADED".equals(classification) && overloaded == null) {
					Object seconds = (error.getExtensions() != null) ? error.getExtensions().get("retryAfterSeconds")
							: null;
					overloaded = String.valueOf((seconds != null) ? seconds : 1);
				}
			}
			if (overloaded != null && status != HttpStatus.REQUEST_TIMEOUT) {
				status = HttpStatus.SERVICE_UNAVAILABLE;
			}
			ServerResponse.BodyBuilder builder = ServerResponse.status(status);
			if (overloaded != null) {
				builder.header("Retry-After", overloaded);
			}
			builder.headers((headers) -> headers.putAll(response.getResponseHeaders()));
			builder.contentType(mediaType);
			Map<String, Object> body = response.toMap();
			ServerResponse.HeadersBuilder.WriteFunction write = getWriteFunction(body, mediaType);
			return (write != null) ? builder.build(write) : builder.body(body);
		}

		/** The service's request timeout, or the shorter one the caller asked for. */
		private Duration budget(ServerRequest request) {
			String asked = request.headers().firstHeader(DEADLINE_HEADER);
			if (asked != null) {
				try {
					long millis = Long.parseLong(asked.trim());
					if (millis > 0 && millis < this.requestTimeout.toMillis()) {
						return Duration.ofMillis(millis);
					}
				}
				catch (NumberFormatException ex) {
					// not a number: the service's own deadline
				}
			}
			return this.requestTimeout;
		}

		/** 503 when the database could not be reached (a GraphQL error classified UNAVAILABLE), else as usual. */
		@Override
		protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
			boolean unavailable = response.getErrors()
				.stream()
				.anyMatch((error) -> "UNAVAILABLE".equals(String.valueOf(error.getErrorType())));
			return unavailable ? HttpStatus.SERVICE_UNAVAILABLE : super.selectResponseStatus(response, mediaType);
		}

		/** As the superclass chooses it: the first accepted type it supports, else JSON. */
		private static MediaType responseMediaType(ServerRequest request) {
			java.util.List<MediaType> accepted;
			try {
				accepted = request.headers().accept();
			}
			catch (InvalidMediaTypeException ex) {
				throw new org.springframework.web.server.NotAcceptableStatusException(
						"Could not parse Accept header: " + ex.getMessage());
			}
			for (MediaType type : accepted) {
				if (SUPPORTED.contains(type)) {
					return type;
				}
			}
			return MediaType.APPLICATION_JSON;
		}

	}

}
