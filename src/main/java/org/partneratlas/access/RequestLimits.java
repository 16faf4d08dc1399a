package org.partneratlas.access;

import java.io.IOException;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits that reject a request before it reaches any resolver or the database: query depth and cost (checked when
 * the operation is about to execute, with its variables) and body size (checked before the body is read). List
 * arguments multiply the cost of what is nested under them, so {@code actors(first: 100) { nodes { sources { ... } } } }
 * costs what it may return, not what it looks like; questions that start graph work cost that work
 * ({@link RequestCost}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsProperties.class)
class RequestLimits {

	@Bean
	Instrumentation maxQueryDepth(RequestLimitsProperties limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
	}

	/** The response header that tells a caller what its request cost (the limit is {@code atlas.limits.max-cost}). */
	static final String COST_HEADER = "X-Request-Cost";

	@Bean
	WebGraphQlInterceptor costHeader() {
		return (request, chain) -> chain.next(request).doOnNext((response) -> {
			Integer cost = response.getExecutionInput().getGraphQLContext().get(COST);
			if (cost != null) {
				response.getResponseHeaders().set(COST_HEADER, String.valueOf(cost));
			}
		});
	}

	/** Where the request's cost is kept in the GraphQL context. */
	static final String COST = RequestLimits.class.getName() + ".cost";

	@Bean
	Instrumentation maxQueryCost(RequestLimitsProperties limits) {
		return new SimplePerformantInstrumentation() {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				int cost = cost(parameters.getExecutionContext(), limits);
				if (cost > limits.maxCost()) {
					throw RequestCost.refused("maximum query complexity exceeded: this request costs more than "
							+ limits.maxCost() + ", the most allowed (see the README, Request limits); ask for less");
				}
				parameters.getExecutionContext().getGraphQLContext().put(COST, cost);
				return super.beginExecuteOperation(parameters, state);
			}
		};
	}

	/** The cost of the operation about to run, with its variables, saturated at one above the limit. */
	static int cost(ExecutionContext execution, RequestLimitsProperties limits) {
		RequestCost calculator = new RequestCost(limits.maxCost(), limits.maxExpensiveQuestions());
		int fields = QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator(calculator)
			.schema(execution.getGraphQLSchema())
			.document(execution.getDocument())
			.operationName(execution.getOperationDefinition().getName())
			.variables(execution.getCoercedVariables())
			.build()
			.calculate();
		long total = (long) fields + RequestCost.typenames(execution.getOperationDefinition().getSelectionSet());
		return (int) Math.min(total, limits.maxCost() + 1L);
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
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
	}

}
