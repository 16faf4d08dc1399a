package org.partneratlas.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.neo4j.driver.Driver;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.SchemaRunner;
import org.partneratlas.ingest.CuratedGraph;
import org.partneratlas.ingest.GraphWriter;
import org.partneratlas.ingest.SeedLoader;

/**
 * Hand-made graphs with known answers, loaded through the real loader into the fixtures Neo4j (wiped first), and the
 * read gateway over it, for testing query classes without Spring.
 */
public final class Fixtures {

	private static String loaded;

	private Fixtures() {
	}

	/** Forgets every plan the fixtures Neo4j has cached, so the next statements are planned on the graph loaded now. */
	public static synchronized void clearQueryCaches() {
		try (var session = TestNeo4j.fixtures().session()) {
			session.run("CALL db.clearQueryCaches()").consume();
		}
	}

	/** Loads {@code src/test/resources/fixtures/<name>/} unless it is already the loaded graph. */
	public static synchronized GraphReads load(String name) {
		return load(name, () -> SeedLoader.read("classpath:fixtures/" + name + "/"));
	}

	/** Loads a graph (a generated one, say) under a name, unless it is already the loaded graph. */
	public static synchronized GraphReads load(String name, java.util.function.Supplier<CuratedGraph> graph) {
		Driver driver = TestNeo4j.fixtures();
		if (!name.equals(loaded)) {
			// forgotten before the wipe: a load that fails half-way must not leave its predecessor's name on it
			loaded = null;
			try (var session = driver.session()) {
				session.run("MATCH (n) DETACH DELETE n").consume();
			}
			new SchemaRunner(driver).apply();
			new GraphWriter(driver, new CypherStatements()).write(graph.get());
			loaded = name;
		}
		return new GraphReads(driver, new CypherStatements(), new SimpleMeterRegistry(),
				new AtlasProperties(null, java.time.Duration.ofSeconds(30), null, "neo4j"));
	}

}
