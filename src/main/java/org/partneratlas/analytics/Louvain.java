package org.partneratlas.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partneratlas.graph.Deadline;

/**
 * Louvain community detection (Blondel et al. 2008) on a weighted undirected graph: move each node to the
 * neighbouring community with the best modularity gain until nothing moves, fold communities into nodes, repeat until
 * modularity stops improving. Nodes are visited in index order, so the answer is deterministic.
 */
final class Louvain {

	private Louvain() {
	}

	/** The community of each node of the graph, numbered 0..c-1 by first appearance. */
	static int[] communities(ActorGraph graph) {
		int n = graph.size();
		// The working graph: weighted adjacency with self loops (the folded inner weight of a community).
		List<Map<Integer, Double>> adjacency = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			adjacency.add(new LinkedHashMap<>(graph.neighbours(i)));
		}
		int[] membership = new int[n];
		for (int i = 0; i < n; i++) {
			membership[i] = i;
		}
		double m2 = graph.totalStrength();
		if (m2 == 0) {
			return renumber(membership);
		}
		while (true) {
			Deadline.checkCurrent();
			int[] level = oneLevel(adjacency, m2);
			int communities = 0;
			for (int c : level) {
				communities = Math.max(communities, c + 1);
			}
			boolean moved = communities < adjacency.size();
			for (int i = 0; i < n; i++) {
				membership[i] = level[membership[i]];
			}
			if (!moved) {
				break;
			}
			adjacency = fold(adjacency, level, communities);
		}
		return renumber(membership);
	}

	/** Local moving on one level; returns each node's community, renumbered 0..c-1. */
	private static int[] oneLevel(List<Map<Integer, Double>> adjacency, double m2) {
		int n = adjacency.size();
		int[] community = new int[n];
		double[] strength = new double[n];
		double[] total = new double[n];
		for (int i = 0; i < n; i++) {
			community[i] = i;
			for (double w : adjacency.get(i).values()) {
				strength[i] += w;
			}
			total[i] = strength[i];
		}
		boolean improved = true;
		int rounds = 0;
		while (improved && rounds++ < 100) {
			Deadline.checkCurrent();
			improved = false;
			for (int i = 0; i < n; i++) {
				int own = community[i];
				Map<Integer, Double> toCommunity = new LinkedHashMap<>();
				for (var e : adjacency.get(i).entrySet()) {
					if (e.getKey() != i) {
						toCommunity.merge(community[e.getKey()], e.getValue(), Double::sum);
					}
				}
				total[own] -= strength[i];
				int best = own;
				double bestGain = toCommunity.getOrDefault(own, 0.0) - total[own] * strength[i] / m2;
				for (var e : toCommunity.entrySet()) {
					double gain = e.getValue() - total[e.getKey()] * strength[i] / m2;
					if (gain > bestGain + 1e-12) {
						bestGain = gain;
						best = e.getKey();
					}
				}
				total[best] += strength[i];
				if (best != own) {
					community[i] = best;
					improved = true;
				}
			}
		}
		return renumber(community);
	}

	private static List<Map<Integer, Double>> fold(List<Map<Integer, Double>> adjacency, int[] level,
			int communities) {
		List<Map<Integer, Double>> folded = new ArrayList<>(communities);
		for (int c = 0; c < communities; c++) {
			folded.add(new LinkedHashMap<>());
		}
		for (int i = 0; i < adjacency.size(); i++) {
			for (var e : adjacency.get(i).entrySet()) {
				folded.get(level[i]).merge(level[e.getKey()], e.getValue(), Double::sum);
			}
		}
		return folded;
	}

	private static int[] renumber(int[] community) {
		Map<Integer, Integer> numbers = new HashMap<>();
		int[] renumbered = new int[community.length];
		for (int i = 0; i < community.length; i++) {
			renumbered[i] = numbers.computeIfAbsent(community[i], (k) -> numbers.size());
		}
		return renumbered;
	}

	/** Newman's modularity of a partition of the graph. */
	static double modularity(ActorGraph graph, int[] community) {
		double m2 = graph.totalStrength();
		if (m2 == 0) {
			return 0;
		}
		double inside = 0;
		Map<Integer, Double> totals = new HashMap<>();
		for (int i = 0; i < graph.size(); i++) {
			totals.merge(community[i], graph.strength(i), Double::sum);
			for (var e : graph.neighbours(i).entrySet()) {
				if (community[e.getKey()] == community[i]) {
					inside += e.getValue();
				}
			}
		}
		double expected = 0;
		for (double t : totals.values()) {
			expected += (t / m2) * (t / m2);
		}
		return inside / m2 - expected;
	}

}
