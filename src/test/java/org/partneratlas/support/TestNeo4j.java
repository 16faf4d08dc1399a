package org.partneratlas.support;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.partneratlas.graph.GdsPlugin;

/**
 * One in-process Neo4j (the harness) per test JVM: starting one costs seconds on two cores, so every integration
 * test shares it and leaves it with the curated graph loaded (loading is idempotent).
 */
public final class TestNeo4j {

	private static Neo4j neo4j;

	private static Driver driver;

	private TestNeo4j() {
	}

	private static Neo4j fixtures;

	private static Driver fixturesDriver;

	public static synchronized Neo4j instance() {
		if (neo4j == null) {
			neo4j = start();
		}
		return neo4j;
	}

	/**
	 * A second in-process Neo4j for hand-made graphs with known answers: tests there may write and wipe freely
	 * without disturbing the curated graph the application tests share. Started without Graph Data Science (its
	 * registration costs seconds that only the GDS tests need): see {@link #fixturesWithGds()}.
	 */
	public static synchronized Driver fixtures() {
		if (fixtures == null) {
			fixtures = start(true);
			fixturesDriver = GraphDatabase.driver(fixtures.boltURI().toString(), AuthTokens.none(),
					Config.builder().withoutEncryption().build());
		}
		return fixturesDriver;
	}

	private static boolean fixturesHaveGds;

	/**
	 * The fixtures Neo4j with Graph Data Science (a test-scope dependency) registered, by the production
	 * {@link GdsPlugin#register} the embedded DBMS uses, once per JVM and only when a GDS test asks for it.
	 */
	public static synchronized Driver fixturesWithGds() {
		Driver driver = fixtures();
		if (!fixturesHaveGds) {
			GdsPlugin.register((GraphDatabaseAPI) fixtures.defaultDatabaseService());
			fixturesHaveGds = true;
		}
		return driver;
	}

	private static Neo4j edits;

	/**
	 * A third in-process Neo4j for the application when a test writes through the API: its own curated graph, so
	 * that edits never change the answers the read tests expect from the shared one.
	 */
	public static synchronized String editsBoltUri() {
		if (edits == null) {
			edits = start();
		}
		return edits.boltURI().toString();
	}

	private static Neo4j start() {
		return start(false);
	}

	/** @param gdsAllowed whether GDS's procedures may be registered later (unrestricted; costs nothing until then) */
	private static Neo4j start(boolean gdsAllowed) {
		var builder = Neo4jBuilders.newInProcessBuilder();
		if (gdsAllowed) {
			builder.withConfig(GraphDatabaseSettings.procedure_unrestricted, GdsPlugin.UNRESTRICTED);
		}
		Neo4j started = builder.withDisabledServer()
			.withConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
			.withConfig(GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofSeconds(30))
			.build();
		Runtime.getRuntime().addShutdownHook(new Thread(started::close));
		return started;
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
