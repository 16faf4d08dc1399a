package org.partneratlas.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Louvain on graphs whose communities are known, and its modularity against JGraphT's measurer. */
class LouvainTests {

	@Test
	void splitsTwoCliquesJoinedByABridge() {
		Graphs graphs = Graphs.empty(10);
		for (int group = 0; group < 2; group++) {
			for (int i = 0; i < 5; i++) {
				for (int j = i + 1; j < 5; j++) {
					graphs.connect(group * 5 + i, group * 5 + j, 1);
				}
			}
		}
		graphs.connect(4, 5, 1);
		int[] community = Louvain.communities(graphs.actors());
		assertThat(community).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
	}

	@Test
	void leavesIsolatedActorsAlone() {
		Graphs graphs = Graphs.empty(4);
		graphs.connect(0, 1, 1);
		int[] community = Louvain.communities(graphs.actors());
		assertThat(community[0]).isEqualTo(community[1]);
		assertThat(Set.of(community[0], community[2], community[3])).hasSize(3);
	}

	@ParameterizedTest
	@ValueSource(longs = { 31, 32, 33, 34, 35 })
	void recoversPlantedCommunities(long seed) {
		Graphs graphs = Graphs.planted(seed, 4, 15, 0.6, 0.01);
		int[] community = Louvain.communities(graphs.actors());
		for (int i = 0; i < 60; i++) {
			for (int j = 0; j < 60; j++) {
				assertThat(community[i] == community[j]).as("%d and %d together", i, j).isEqualTo(i / 15 == j / 15);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(longs = { 41, 42, 43, 44 })
	void modularityAgreesWithJGraphT(long seed) {
		Graphs graphs = Graphs.random(seed, 60, 0.08, 3);
		int[] community = Louvain.communities(graphs.actors());
		List<Set<String>> partition = new ArrayList<>();
		for (int i = 0; i < community.length; i++) {
			while (partition.size() <= community[i]) {
				partition.add(new HashSet<>());
			}
			partition.get(community[i]).add(graphs.actors().id(i));
		}
		double theirs = new UndirectedModularityMeasurer<>(graphs.jgrapht()).modularity(partition);
		assertThat(Louvain.modularity(graphs.actors(), community)).isCloseTo(theirs, within(1e-9)).isPositive();
	}

}
