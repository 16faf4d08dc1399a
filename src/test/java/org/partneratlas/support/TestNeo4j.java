package org.partneratlas.support;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j (the harness) per test JVM: starting one costs seconds on two cores, so every integration
 * test shares it and leaves it with the curated graph loaded (loading is idempotent).
 */
public final class TestNeo4j {

	private static Neo4j neo4j;

	private static Driver driver;

	private TestNeo4j() {
	}

	public static synchronized Neo4j instance() {
		if (neo4j == null) {
			neo4j = Neo4jBuilders.newInProcessBuilder()
				.withDisabledServer()
				.withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
				.withConfig(GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofSeconds(30))
				.build();
			Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
		}
		return neo4j;
	}

	public static String boltUri() {
		return instance().boltURI().toString();
	}

	public static synchronized Driver driver() {
		if (driver == null) {
			driver = GraphDatabase.driver(boltUri(), AuthTokens.none(), Config.builder().withoutEncryption().build());
		}
		return driver;
	}

}
