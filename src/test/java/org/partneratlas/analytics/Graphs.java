package org.partneratlas.analytics;

import java.util.Random;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/** Generated graphs, built twice: as an {@link ActorGraph} and as the same JGraphT graph. */
record Graphs(ActorGraph actors, Graph<String, DefaultWeightedEdge> jgrapht) {

	/** An Erdős–Rényi graph G(n, p) with integer weights 1..maxWeight; some nodes stay isolated. */
	static Graphs random(long seed, int n, double p, int maxWeight) {
		Random random = new Random(seed);
		Graphs graphs = empty(n);
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				if (random.nextDouble() < p) {
					graphs.connect(i, j, 1 + random.nextInt(maxWeight));
				}
			}
		}
		return graphs;
	}

	/** {@code groups} groups of {@code size} nodes, dense inside (pIn), sparse between (pOut). */
	static Graphs planted(long seed, int groups, int size, double pIn, double pOut) {
		Random random = new Random(seed);
		int n = groups * size;
		Graphs graphs = empty(n);
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				double p = (i / size == j / size) ? pIn : pOut;
				if (random.nextDouble() < p) {
					graphs.connect(i, j, 1);
				}
			}
		}
		return graphs;
	}

	static Graphs empty(int n) {
		Graphs graphs = new Graphs(new ActorGraph(), new SimpleWeightedGraph<>(DefaultWeightedEdge.class));
		for (int i = 0; i < n; i++) {
			graphs.actors.add(name(i));
			graphs.jgrapht.addVertex(name(i));
		}
		return graphs;
	}

	void connect(int i, int j, double weight) {
		this.actors.connect(name(i), name(j), weight);
		DefaultWeightedEdge edge = this.jgrapht.addEdge(name(i), name(j));
		this.jgrapht.setEdgeWeight(edge, weight);
	}

	static String name(int i) {
		return "n" + i;
	}

	/**
	 * A cache of analytics answers over the fixtures Neo4j, as the service has one: data versions from the database,
	 * so every fixture load invalidates it.
	 */
	static final org.partneratlas.graph.ExpensiveWork WORK = new org.partneratlas.graph.ExpensiveWork(0,
			java.time.Duration.ofSeconds(2));

	static AnalyticsCache cache() {
		return new AnalyticsCache(
				new org.partneratlas.graph.DataVersion(org.partneratlas.support.TestNeo4j.fixtures(),
						new org.partneratlas.graph.AtlasProperties(null, java.time.Duration.ofSeconds(30), null, "neo4j")),
				WORK, 256, 400_000);
	}

}
