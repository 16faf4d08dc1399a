package org.partneratlas.ingest;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.SchemaRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A start on a machine so busy that its statements outlast the callers' transaction timeout ({@code
 * atlas.transaction-timeout}, 10 s) waits for them, it does not fail: the schema, the store's state, undoing an
 * unfinished import and the seed load all run under the start's own limit ({@link SchemaRunner#START}). The busy
 * machine is a Neo4j whose default timeout is 1 ms once it has started, checked every 10 ms, so that any statement
 * sent without the start's limit is stopped (the first assertion shows it is); before the fix the store-state
 * statement was.
 */
class StartOnABusyDatabaseIT {

	private static final TransactionConfig TEST = TransactionConfig.builder().withTimeout(Duration.ofMinutes(1)).build();

	private static Neo4j neo4j;

	private static Driver driver;

	@BeforeAll
	static void start() {
		neo4j = Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
			.withConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(10))
			.build();
		// once the DBMS has started (its own start-up transactions are not the subject): 1 ms from now on
		((GraphDatabaseAPI) neo4j.defaultDatabaseService()).getDependencyResolver()
			.resolveDependency(Config.class)
			.setDynamic(GraphDatabaseSettings.transaction_timeout, Duration.ofMillis(1), "StartOnABusyDatabaseIT");
		driver = GraphDatabase.driver(neo4j.boltURI().toString(), AuthTokens.none()); // unencrypted by default
	}

	@AfterAll
	static void stop() {
		if (driver != null) {
			driver.close();
		}
		if (neo4j != null) {
			neo4j.close();
		}
	}

	@Test
	void aStartWhoseStatementsOutlastTheCallersTimeoutWaitsForThem() {
		Neo4jException stopped = catchThrowableOfType(Neo4jException.class, () -> {
			try (var session = driver.session()) {
				session.run("UNWIND range(1, 50000000) AS x RETURN count(x) AS n").consume();
			}
		});
		assertThat(stopped).as("a statement without the start's limit is stopped").isNotNull();
		assertThat(stopped.code()).contains("TransactionTimedOut");

		// an empty store: schema, store state, seed load
		loader().run(null);
		assertThat(count("MATCH (n:Entity) RETURN count(n)")).isGreaterThan(500);
		long curated = count("MATCH (n:Entity) RETURN count(n)");

		// an import cut off before its commit point left a journal and a node: the next start undoes it
		try (var session = driver.session()) {
			session.run("""
					CREATE (:Entity:Organisation {id: 'org:cut-off', name: 'Cut off', tlp: 'CLEAR', tlpLevel: 0})
					CREATE (:ImportJournal {run: 'import:cut-off', batch: 1, nodes: ['org:cut-off'], tieIds: [],
					  tieFroms: [], updated: []})""", Map.of(), TEST).consume();
		}
		loader().run(null);
		assertThat(count("MATCH (j:ImportJournal) RETURN count(j)")).isZero();
		assertThat(count("MATCH (n:Entity {id: 'org:cut-off'}) RETURN count(n)")).isZero();
		assertThat(count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(curated);
	}

	private static SeedLoader loader() {
		CypherStatements statements = new CypherStatements();
		return new SeedLoader(new SchemaRunner(driver), new GraphWriter(driver, statements), driver,
				new AtlasProperties(null, Duration.ofSeconds(10), new AtlasProperties.Seed(true, "classpath*:seed-data/"),
						"neo4j"),
				statements);
	}

	private static long count(String cypher) {
		try (var session = driver.session()) {
			return session.run(cypher, Map.of(), TEST).single().get(0).asLong();
		}
	}

}
