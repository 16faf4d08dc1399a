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

}
