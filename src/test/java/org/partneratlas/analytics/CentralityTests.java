package org.partneratlas.analytics;

import java.util.Map;
import java.util.Set;

import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.AsUnweightedGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Centrality against hand-computed values and against JGraphT on generated graphs. */
class CentralityTests {

	@Test
	void starCentreLiesOnEveryPathBetweenLeaves() {
		Graphs star = Graphs.empty(6);
		for (int leaf = 1; leaf < 6; leaf++) {
			star.connect(0, leaf, 1);
		}
		double[] betweenness = Centrality.betweenness(star.actors());
		assertThat(betweenness[0]).isEqualTo(10.0); // C(5, 2) pairs of leaves
		assertThat(betweenness[1]).isZero();
		assertThat(Centrality.degree(star.actors())[0]).isEqualTo(5.0);
	}

	@Test
	void pathSplitsItsBrokerageByPosition() {
		Graphs path = Graphs.empty(5);
		for (int i = 0; i < 4; i++) {
			path.connect(i, i + 1, 1);
		}
		assertThat(Centrality.betweenness(path.actors())).containsExactly(0, 3, 4, 3, 0);
	}

	@Test
	void twoEqualRoutesShareTheCredit() {
		// a square: 0-1-3 and 0-2-3 are both shortest between 0 and 3
		Graphs square = Graphs.empty(4);
		square.connect(0, 1, 1);
		square.connect(0, 2, 1);
		square.connect(1, 3, 1);
		square.connect(2, 3, 1);
		assertThat(Centrality.betweenness(square.actors())).containsExactly(0.5, 0.5, 0.5, 0.5);
	}

	@Test
	void brokerageBetweenTwoGroupsCountsOnlyTheirPaths() {
		// 0 - 1 - 2 - 3 ; group A = {0}, group B = {3}: 1 and 2 broker; a path inside A or B does not count
		Graphs path = Graphs.empty(4);
		for (int i = 0; i < 3; i++) {
			path.connect(i, i + 1, 1);
		}
		double[] brokerage = Centrality.betweenness(path.actors(), Set.of(0), Set.of(3));
		assertThat(brokerage).containsExactly(0, 1, 1, 0);
		assertThat(Centrality.betweenness(path.actors(), Set.of(0), Set.of(1))).containsOnly(0);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void betweennessAgreesWithJGraphT(long seed) {
		Graphs graphs = Graphs.random(seed, 70, 0.06, 3);
		double[] ours = Centrality.betweenness(graphs.actors());
		Map<String, Double> theirs = new BetweennessCentrality<>(new AsUnweightedGraph<>(graphs.jgrapht()), false)
			.getScores();
		for (int i = 0; i < ours.length; i++) {
			assertThat(ours[i]).as("node %d", i).isCloseTo(theirs.get(graphs.actors().id(i)), within(1e-9));
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 11, 12, 13, 14, 15, 16, 17, 18 })
	void pageRankAgreesWithJGraphT(long seed) {
		Graphs graphs = Graphs.random(seed, 80, 0.05, 4);
		double[] ours = Centrality.pageRank(graphs.actors(), 0.85);
		Map<String, Double> theirs = new PageRank<>(graphs.jgrapht(), 0.85, 200, 1e-12).getScores();
		double sum = 0;
		for (int i = 0; i < ours.length; i++) {
			assertThat(ours[i]).as("node %d", i).isCloseTo(theirs.get(graphs.actors().id(i)), within(1e-8));
			sum += ours[i];
		}
		assertThat(sum).isCloseTo(1.0, within(1e-9));
	}

	@ParameterizedTest
	@ValueSource(longs = { 21, 22, 23 })
	void degreeCountsDistinctNeighbours(long seed) {
		Graphs graphs = Graphs.random(seed, 50, 0.1, 5);
		double[] ours = Centrality.degree(graphs.actors());
		for (int i = 0; i < ours.length; i++) {
			assertThat(ours[i]).isEqualTo(graphs.jgrapht().degreeOf(graphs.actors().id(i)));
		}
	}

	/** A scale-free graph (Barabási–Albert, {@code m} ties per newcomer): hubs, as in the real projection. */
	static Graphs preferential(long seed, int n, int m) {
		java.util.Random random = new java.util.Random(seed);
		Graphs graphs = Graphs.empty(n);
		java.util.List<Integer> ends = new java.util.ArrayList<>();
		for (int i = 0; i <= m; i++) {
			for (int j = 0; j < i; j++) {
				graphs.connect(i, j, 1);
				ends.add(i);
				ends.add(j);
			}
		}
		for (int v = m + 1; v < n; v++) {
			Set<Integer> chosen = new java.util.LinkedHashSet<>();
			while (chosen.size() < m) {
				chosen.add(ends.get(random.nextInt(ends.size())));
			}
			for (int u : chosen) {
				graphs.connect(v, u, 1);
				ends.add(v);
				ends.add(u);
			}
		}
		return graphs;
	}

	@ParameterizedTest
	@ValueSource(longs = { 31, 32, 33 })
	void aSampleOfEverySourceIsTheExactAnswerWithNoError(long seed) {
		Graphs graphs = Graphs.random(seed, 60, 0.08, 2);
		double[] exact = Centrality.betweenness(graphs.actors());
		Centrality.Estimate all = Centrality.sampledBetweenness(graphs.actors(), 60, seed);
		Centrality.Estimate more = Centrality.sampledBetweenness(graphs.actors(), 1_000, seed + 1);
		assertThat(all.sampled()).isEqualTo(60);
		assertThat(more.sampled()).isEqualTo(60);
		for (int i = 0; i < exact.length; i++) {
			assertThat(all.scores()[i]).as("node %d", i).isCloseTo(exact[i], within(1e-9));
			assertThat(more.scores()[i]).as("node %d", i).isCloseTo(exact[i], within(1e-9));
			assertThat(all.errors()[i]).isZero();
		}
	}

	@Test
	void aSampledRankingAgreesWithTheExactOneOnTheHubsWithinItsStatedError() {
		Graphs graphs = preferential(41, 500, 2);
		double[] exact = Centrality.betweenness(graphs.actors());
		Centrality.Estimate estimate = Centrality.sampledBetweenness(graphs.actors(), 100, 7);
		java.util.List<Integer> exactTop = top(exact, 10);
		java.util.List<Integer> sampledTop = top(estimate.scores(), 10);
		// the hubs are found: most of the exact top 10 are in the sampled top 10, the first ones near the top (the
		// first two hubs of this graph are close, a sample of 100 may swap them)
		assertThat(sampledTop.stream().filter(exactTop::contains).count()).isGreaterThanOrEqualTo(8);
		assertThat(exactTop.subList(0, 3)).contains(sampledTop.getFirst());
		assertThat(sampledTop.subList(0, 3)).contains(exactTop.getFirst());
		// the stated error means something: the exact score of most of the top 50 lies within 3 standard errors
		java.util.List<Integer> top50 = top(exact, 50);
		long within = top50.stream()
			.filter((i) -> Math.abs(estimate.scores()[i] - exact[i]) <= 3 * estimate.errors()[i])
			.count();
		assertThat(within).isGreaterThanOrEqualTo(45);
		assertThat(top50).allSatisfy((i) -> assertThat(estimate.errors()[i]).isPositive());
	}

	@Test
	void theEstimateIsUnbiasedAndTheSeedFixesTheDraw() {
		Graphs graphs = preferential(43, 300, 2);
		double[] exact = Centrality.betweenness(graphs.actors());
		int hub = top(exact, 1).getFirst();
		double mean = 0;
		for (long seed = 1; seed <= 40; seed++) {
			mean += Centrality.sampledBetweenness(graphs.actors(), 30, seed).scores()[hub] / 40;
		}
		assertThat(mean).isCloseTo(exact[hub], within(exact[hub] * 0.05));
		assertThat(Centrality.sampledBetweenness(graphs.actors(), 30, 5).scores())
			.containsExactly(Centrality.sampledBetweenness(graphs.actors(), 30, 5).scores());
		assertThat(Centrality.sampledBetweenness(graphs.actors(), 30, 5).scores())
			.isNotEqualTo(Centrality.sampledBetweenness(graphs.actors(), 30, 6).scores());
	}

	@Test
	void theWorkOfAPassIsItsNodesAndBothEndsOfItsTies() {
		Graphs path = Graphs.empty(4);
		path.connect(0, 1, 1);
		path.connect(1, 2, 1);
		path.connect(2, 3, 1);
		assertThat(Centrality.work(path.actors(), 1)).isEqualTo(4 + 6);
		assertThat(Centrality.work(path.actors(), 4)).isEqualTo(40);
	}

	private static java.util.List<Integer> top(double[] scores, int k) {
		return java.util.stream.IntStream.range(0, scores.length)
			.boxed()
			.sorted(java.util.Comparator.comparing((Integer i) -> -scores[i]).thenComparing((i) -> i))
			.limit(k)
			.toList();
	}

}
