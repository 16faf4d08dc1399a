package org.partneratlas.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.partneratlas.graph.Deadline;

/**
 * Centrality measures over an {@link ActorGraph}. Tests compare each with an independent implementation (JGraphT) on
 * generated graphs and with hand-computed values on small ones.
 */
final class Centrality {

	private Centrality() {
	}

	/** The number of distinct neighbours of each actor. */
	static double[] degree(ActorGraph graph) {
		double[] degree = new double[graph.size()];
		for (int i = 0; i < graph.size(); i++) {
			degree[i] = graph.neighbours(i).size();
		}
		return degree;
	}

	/**
	 * Betweenness (Brandes 2001, unweighted: distance in hops). For every source s in {@code sources} and every target
	 * t in {@code targets}, t != s, each actor v strictly between them gets sigma_st(v) / sigma_st. With every actor as
	 * source and target each unordered pair is seen twice, so the all-pairs score is halved to the usual undirected
	 * value.
	 */
	static double[] betweenness(ActorGraph graph, Set<Integer> sources, Set<Integer> targets) {
		int n = graph.size();
		double[] score = new double[n];
		int[] distance = new int[n];
		double[] sigma = new double[n];
		double[] delta = new double[n];
		List<List<Integer>> predecessors = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			predecessors.add(new ArrayList<>());
		}
		int[] order = new int[n];
		for (int s : sources) {
			Deadline.checkCurrent();
			Arrays.fill(distance, -1);
			Arrays.fill(sigma, 0);
			Arrays.fill(delta, 0);
			predecessors.forEach(List::clear);
			distance[s] = 0;
			sigma[s] = 1;
			int visited = 0;
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			queue.add(s);
			while (!queue.isEmpty()) {
				int v = queue.poll();
				order[visited++] = v;
				for (int w : graph.neighbours(v).keySet()) {
					if (distance[w] < 0) {
						distance[w] = distance[v] + 1;
						queue.add(w);
					}
					if (distance[w] == distance[v] + 1) {
						sigma[w] += sigma[v];
						predecessors.get(w).add(v);
					}
				}
			}
			for (int k = visited - 1; k >= 0; k--) {
				int w = order[k];
				double fromTarget = (w != s && targets.contains(w)) ? 1.0 : 0.0;
				for (int v : predecessors.get(w)) {
					delta[v] += (sigma[v] / sigma[w]) * (fromTarget + delta[w]);
				}
				if (w != s) {
					score[w] += delta[w];
				}
			}
		}
		return score;
	}

	/** All-pairs undirected betweenness. */
	static double[] betweenness(ActorGraph graph) {
		Set<Integer> all = all(graph);
		double[] score = betweenness(graph, all, all);
		for (int i = 0; i < score.length; i++) {
			score[i] /= 2;
		}
		return score;
	}

	/**
	 * PageRank with edge weights, damping {@code d}: each actor passes its rank to its neighbours in proportion to
	 * edge weight; actors without neighbours spread theirs over all. Iterates until the ranks move less than 1e-10 in
	 * sum, at most 100 times. Ranks sum to 1.
	 */
	static double[] pageRank(ActorGraph graph, double d) {
		int n = graph.size();
		double[] rank = new double[n];
		if (n == 0) {
			return rank;
		}
		Arrays.fill(rank, 1.0 / n);
		double[] strength = new double[n];
		for (int i = 0; i < n; i++) {
			strength[i] = graph.strength(i);
		}
		for (int iteration = 0; iteration < 100; iteration++) {
			Deadline.checkCurrent();
			double dangling = 0;
			for (int i = 0; i < n; i++) {
				if (strength[i] == 0) {
					dangling += rank[i];
				}
			}
			double[] next = new double[n];
			double base = (1 - d) / n + d * dangling / n;
			Arrays.fill(next, base);
			for (int v = 0; v < n; v++) {
				if (strength[v] == 0) {
					continue;
				}
				double share = d * rank[v] / strength[v];
				for (var e : graph.neighbours(v).entrySet()) {
					next[e.getKey()] += share * e.getValue();
				}
			}
			double change = 0;
			for (int i = 0; i < n; i++) {
				change += Math.abs(next[i] - rank[i]);
			}
			rank = next;
			if (change < 1e-10) {
				break;
			}
		}
		return rank;
	}

	static Set<Integer> all(ActorGraph graph) {
		Set<Integer> all = new java.util.LinkedHashSet<>();
		for (int i = 0; i < graph.size(); i++) {
			all.add(i);
		}
		return all;
	}

}
