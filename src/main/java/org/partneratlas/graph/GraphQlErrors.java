package org.partneratlas.graph;

import java.util.Map;
import java.util.UUID;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Errors as callers see them: a bad request says what was wrong; anything else is an internal error that carries only
 * an id, which the log holds with the full cause. A refused write is classified by its reason ({@code CONFLICT} for a
 * stale version or a taken id) and lists each problem of its input in the extensions. No stack trace, exception class or Cypher reaches a caller.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	/** A statement stopped by the Neo4j transaction timeout. */
	static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

	/** No slot for expensive work came free in time ({@link ExpensiveWork}). */
	static final ErrorClassification OVERLOADED = ErrorClassification.errorClassification("OVERLOADED");

	/** The database cannot be reached just now: HTTP 503 with Retry-After (see GraphQlTransport). */
	public static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

	private final java.time.Duration timeout;

	GraphQlErrors(AtlasProperties properties) {
		this.timeout = properties.transactionTimeout();
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof BadRequestException) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(ex.getMessage())
				.build();
		}
		if (ex instanceof NotFoundException) {
			return GraphqlErrorBuilder.newError(env).errorType(ErrorType.NOT_FOUND).message(ex.getMessage()).build();
		}
		if (ex instanceof WriteRefusedException refused) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(classification(refused.reason()))
				.message(ex.getMessage())
				.extensions(refused.details())
				.build();
		}
		if (ex instanceof DeadlineExceededException deadline) {
			return timeout(env, deadline.getMessage(), deadline.budget());
		}
		if (ex instanceof OverloadedException overloaded) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(OVERLOADED)
				.message(overloaded.getMessage())
				.extensions(Map.of("retryAfterSeconds", overloaded.retryAfter().toSeconds()))
				.build();
		}
		if (ex instanceof Neo4jException neo4j && neo4j.code() != null && neo4j.code().contains("TransactionTimedOut")) {
			Deadline deadline = Deadline.current();
			if (deadline != null && deadline.passed()) {
				// the statement's timeout was what was left of the request's deadline
				return timeout(env, new DeadlineExceededException(deadline.budget()).getMessage(), deadline.budget());
			}
			log.warn("Statement stopped at the transaction timeout at {}", env.getExecutionStepInfo().getPath());
			return GraphqlErrorBuilder.newError(env)
				.errorType(TIMEOUT)
				.message("The question took longer than the " + this.timeout.toSeconds() + " s the service allows "
						+ "and was stopped (it is not retried): ask for less, e.g. fewer hops, a smaller depth or limit")
				.build();
		}
		if (ex instanceof org.neo4j.driver.exceptions.ServiceUnavailableException
				|| ex instanceof org.neo4j.driver.exceptions.SessionExpiredException) {
			log.warn("The database is unreachable at {}: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
			return GraphqlErrorBuilder.newError(env)
				.errorType(UNAVAILABLE)
				.message("The database cannot be reached just now; nothing was read or written. Try again in a few "
						+ "seconds: the service reconnects by itself")
				.build();
		}
		String id = UUID.randomUUID().toString();
		log.error("Internal error {} at {}", id, env.getExecutionStepInfo().getPath(), ex);
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error " + id + ": the service could not answer this field; the log has the details")
			.extensions(Map.of("errorId", id))
			.build();
	}

	private static GraphQLError timeout(DataFetchingEnvironment env, String message, java.time.Duration budget) {
		log.warn("Request deadline of {} passed at {}", budget, env.getExecutionStepInfo().getPath());
		return GraphqlErrorBuilder.newError(env)
			.errorType(TIMEOUT)
			.message(message)
			.extensions(Map.of("deadlineMillis", budget.toMillis()))
			.build();
	}

	private static ErrorClassification classification(WriteRefusedException.Reason reason) {
		return switch (reason) {
			case BAD_REQUEST -> ErrorType.BAD_REQUEST;
			case UNAUTHORIZED -> ErrorType.UNAUTHORIZED;
			case FORBIDDEN -> ErrorType.FORBIDDEN;
			case NOT_FOUND -> ErrorType.NOT_FOUND;
			// Spring for GraphQL has no CONFLICT type; clients switch on the classification's name either way.
			case CONFLICT -> ErrorClassification.errorClassification("CONFLICT");
		};
	}

}
