package org.partneratlas.bench;

import java.util.List;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.partneratlas.graph.CypherStatements;
import org.partneratlas.ingest.CuratedGraph;
import org.partneratlas.ingest.GraphWriter;

/**
 * Loads the generated graph of a size (S, M, L; seed 42, as {@code bench/run.sh}) into a running service's store
 * through the project's {@code GraphWriter}, for {@code bench/export.sh} to export. Usage: ExportBench SIZE BOLT_URI.
 */
public final class ExportBench {

	private ExportBench() {
	}

	public static void main(String[] args) throws Exception {
		long t = System.nanoTime();
		Generator g = Generator.generate(args[0], 42);
		CuratedGraph graph = g.graph();
		System.out.printf("generated %s: %d nodes, %d relationships in %d ms%n", args[0], g.nodeCount(), g.tieCount(),
				(System.nanoTime() - t) / 1_000_000);
		try (Driver driver = GraphDatabase.driver(args[1], AuthTokens.none(), Config.builder().withoutEncryption().build())) {
			try (var session = driver.session()) {
				for (int i = 0; i < 600; i++) {
					if (!session.run("SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id_unique' RETURN name").list().isEmpty()) {
						break;
					}
					Thread.sleep(200);
				}
				session.run("CALL db.awaitIndexes(300)").consume();
			}
			GraphWriter writer = new GraphWriter(driver, new CypherStatements());
			// small enough for the transaction memory of a service with a 512 MiB heap (70 % of the heap)
			int chunk = Integer.getInteger("chunk", 10_000);
			t = System.nanoTime();
			for (int i = 0; i < graph.nodes().size(); i += chunk) {
				writer.write(new CuratedGraph(graph.nodes().subList(i, Math.min(graph.nodes().size(), i + chunk)), List.of()));
			}
			for (int i = 0; i < graph.ties().size(); i += chunk) {
				writer.write(new CuratedGraph(List.of(), graph.ties().subList(i, Math.min(graph.ties().size(), i + chunk))));
			}
			System.out.printf("loaded in %d s%n", (System.nanoTime() - t) / 1_000_000_000);
		}
	}

}
