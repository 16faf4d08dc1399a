package org.partneratlas.access;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits that reject a request before it reaches any resolver or the database: query depth and cost (checked by
 * graphql-java after validation, before execution) and body size (checked before the body is read). List arguments
 * multiply the cost of what is nested under them, so {@code actors(first: 100) { nodes { sources { ... } } } } costs
 * what it may return, not what it looks like.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsProperties.class)
class RequestLimits {

	/** Arguments that say how many items a list field may return. */
	static final List<String> SIZE_ARGUMENTS = List.of("first", "last", "limit", "top", "k");

	@Bean
	TimeoutWebGraphQlInterceptor requestTimeout(RequestLimitsProperties limits) {
		return new TimeoutWebGraphQlInterceptor(limits.requestTimeout());
	}

	@Bean
	Instrumentation maxQueryDepth(RequestLimitsProperties limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
	}

	@Bean
	Instrumentation maxQueryCost(RequestLimitsProperties limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxCost(), cost());
	}

	/**
	 * Each field costs 1 plus its children, times the list size its arguments ask for (at least 1). graphql-java's
	 * traversal skips {@code __typename}, so each one selected under the field is added here: a thousand aliased
	 * {@code __typename}s under a list are not free.
	 */
	static FieldComplexityCalculator cost() {
		return (environment, childComplexity) -> {
			int size = 1;
			for (Map.Entry<String, Object> argument : environment.getArguments().entrySet()) {
				if (SIZE_ARGUMENTS.contains(argument.getKey()) && argument.getValue() instanceof Number n) {
					size = Math.max(size, n.intValue());
				}
			}
			return (1 + childComplexity + typenames(environment.getField().getSelectionSet())) * size;
		};
	}

	private static int typenames(SelectionSet selections) {
		if (selections == null) {
			return 0;
		}
		int count = 0;
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field && "__typename".equals(field.getName())) {
				count++;
			}
			else if (selection instanceof InlineFragment fragment) {
				count += typenames(fragment.getSelectionSet());
			}
		}
		return count;
	}

	@Bean
	OncePerRequestFilter maxRequestBody(RequestLimitsProperties limits) {
		long max = limits.maxBody().toBytes();
		return new OncePerRequestFilter() {
			// An admin's restore posts a whole backup (export.BackupController checks the role before reading it).
			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return "/admin/restore".equals(request.getRequestURI());
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				long length = request.getContentLengthLong();
				if (length > max) {
					refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
							"request body of " + length + " bytes is over the limit of " + max + " bytes");
					return;
				}
				if (length < 0 && "POST".equals(request.getMethod())) {
					// a body without a stated length could be of any size: ask for one
					refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED,
							"send the request body with a Content-Length (at most " + max + " bytes)");
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.getWriter().write("{\"errors\":[{\"message\":\"" + message + "\"}]}");
	}

}
