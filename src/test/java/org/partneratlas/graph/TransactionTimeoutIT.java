package org.partneratlas.graph;

import java.time.Duration;
import java.util.Map;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.Neo4jException;

import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A read that runs past the transaction timeout is stopped by Neo4j, reported once (auto-commit reads are never
 * retried), and reaches the caller as a TIMEOUT error that says what to do, with no Cypher or exception name.
 */
class TransactionTimeoutIT {

	static final AtlasProperties ONE_SECOND = new AtlasProperties(null, Duration.ofSeconds(1), null, "neo4j");

	@Test
	void aSlowReadIsStoppedAtTheTimeoutReportedOnceAndExplained() {
		GraphReads reads = new GraphReads(TestNeo4j.driver(), new CypherStatements(), new SimpleMeterRegistry(),
				ONE_SECOND);
		Neo4jException stopped = catchThrowableOfType(Neo4jException.class,
				() -> reads.list("test/slow", Visibility.ANONYMOUS, Map.of(), (r) -> r.get("n").asLong()));
		assertThat(stopped.code()).contains("TransactionTimedOut");
		assertThat(reads.statementCount()).isEqualTo(1);

		GraphQLError error = new GraphQlErrors(ONE_SECOND).resolveToSingleError(stopped, environment("paths"));
		assertThat(error.getErrorType()).hasToString("TIMEOUT");
		assertThat(error.getMessage())
			.isEqualTo("The question took longer than the 1 s the service allows and was stopped (it is not "
					+ "retried): ask for less, e.g. fewer hops, a smaller depth or limit")
			.doesNotContain("UNWIND")
			.doesNotContain("Exception");
	}

	private static DataFetchingEnvironment environment(String field) {
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.mergedField(MergedField.newMergedField(Field.newField(field).build()).build())
			.executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
				.type(Scalars.GraphQLString)
				.path(ResultPath.rootPath().segment(field))
				.build())
			.build();
	}

}
