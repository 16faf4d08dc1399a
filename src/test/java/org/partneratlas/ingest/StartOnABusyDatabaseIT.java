package org.partneratlas.ingest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.SchemaRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start on a machine so busy that its statements outlast the callers' transaction timeout ({@code
 * atlas.transaction-timeout}, 10 s, the embedded DBMS's default) waits for them, it does not fail: every statement a
 * start sends (schema, the store's state, undoing an unfinished import, the seed load) asks for the start's own limit
 * ({@link SchemaRunner#START}, minutes), none falls back to the database's default. Before the fix the store-state
 * statement and the import recovery's reads did, and a start under load failed at the store-state statement.
 * <p>
 * The statements run on a real Neo4j through a real driver; a recording layer around the driver notes the
 * transaction settings each one asked for (a load that makes them slow cannot be made on demand; which limit each
 * asks for can be checked every time).
 */
class StartOnABusyDatabaseIT {

	private static final TransactionConfig TEST = TransactionConfig.builder().withTimeout(Duration.ofMinutes(1)).build();

	private static Neo4j neo4j;

	private static Driver driver;

	/** What each statement asked for: "<statement> -> <timeout or 'the database default'>". */
	private static final List<String> sent = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() {
		neo4j = Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
			.build();
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
	void everyStatementOfAStartAsksForTheStartsOwnLimit() {
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

		assertThat(sent).as("statements sent by the two starts").hasSizeGreaterThan(10);
		assertThat(sent).as("every statement with a limit of its own, minutes long")
			.allSatisfy((statement) -> assertThat(statement).doesNotEndWith("the database default")
				.containsPattern("-> PT([3-9]|[1-9][0-9])M$"));
	}

	private static SeedLoader loader() {
		CypherStatements statements = new CypherStatements();
		Driver recording = recording(driver);
		return new SeedLoader(new SchemaRunner(recording), new GraphWriter(recording, statements), recording,
				new AtlasProperties(null, Duration.ofSeconds(10), new AtlasProperties.Seed(true, "classpath*:seed-data/"),
						"neo4j"),
				statements);
	}

	/** The driver, with each session noting the transaction settings of what is sent through it. */
	private static Driver recording(Driver real) {
		return (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class },
				(proxy, method, args) -> {
					Object result = invoke(real, method, args);
					return (result instanceof Session session) ? recording(session) : result;
				});
	}

	private static Session recording(Session real) {
		return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] { Session.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.equals("run") || name.startsWith("execute") || name.equals("beginTransaction")) {
						TransactionConfig config = null;
						for (Object arg : (args != null) ? args : new Object[0]) {
							if (arg instanceof TransactionConfig given) {
								config = given;
							}
						}
						String what = (args != null && args.length > 0 && args[0] instanceof String text)
								? text.strip().lines().filter((line) -> !line.startsWith("//")).findFirst().orElse(text)
								: name;
						sent.add(what + " -> " + ((config == null || config.timeout() == null) ? "the database default"
								: config.timeout().toString()));
					}
					return invoke(real, method, args);
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static long count(String cypher) {
		try (var session = driver.session()) {
			return session.run(cypher, Map.of(), TEST).single().get(0).asLong();
		}
	}

}
