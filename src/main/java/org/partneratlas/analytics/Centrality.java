package org.partneratlas.analytics;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;

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
		Brandes brandes = new Brandes(graph);
		boolean[] isTarget = new boolean[graph.size()];
		targets.forEach((t) -> isTarget[t] = true);
		double[] score = new double[graph.size()];
		for (int s : sources) {
			Deadline.checkCurrent();
			brandes.from(s, isTarget);
			for (int v = 0; v < score.length; v++) {
				score[v] += brandes.delta[v];
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
	 * All-pairs undirected betweenness estimated from {@code samples} source actors drawn uniformly without
	 * replacement with {@code seed} (Brandes and Pich 2007): each actor's score is n/k times the sum of its
	 * dependencies on the sampled sources, halved as in {@link #betweenness(ActorGraph)}, an unbiased estimate of the
	 * exact score. Its standard error comes from the spread of those dependencies over the sample, with the
	 * finite-population correction (1 - k/n), so it is 0 when the sample is every actor, and then the scores are the
	 * exact ones. Same graph, same seed, same sample size: same answer.
	 */
	static Estimate sampledBetweenness(ActorGraph graph, int samples, long seed) {
		int n = graph.size();
		int k = Math.min(samples, n);
		int[] drawn = IntStream.range(0, n).toArray();
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
		for (int i = 0; i < k; i++) {
			int j = i + random.nextInt(n - i);
			int t = drawn[i];
			drawn[i] = drawn[j];
			drawn[j] = t;
		}
		Brandes brandes = new Brandes(graph);
		boolean[] everyone = new boolean[n];
		Arrays.fill(everyone, true);
		double[] sum = new double[n];
		double[] squares = new double[n];
		for (int i = 0; i < k; i++) {
			Deadline.checkCurrent();
			brandes.from(drawn[i], everyone);
			for (int v = 0; v < n; v++) {
				double x = brandes.delta[v];
				sum[v] += x;
				squares[v] += x * x;
			}
		}
		double[] score = new double[n];
		double[] error = new double[n];
		for (int v = 0; v < n; v++) {
			score[v] = (k == n) ? sum[v] / 2 : (double) n / k * sum[v] / 2;
			if (k < n && k > 1) {
				double variance = Math.max(0, (squares[v] - sum[v] * sum[v] / k) / (k - 1));
				error[v] = (n / 2.0) * Math.sqrt((1 - (double) k / n) * variance / k);
			}
			else if (k < n) {
				error[v] = Double.NaN;
			}
		}
		return new Estimate(score, error, k, n);
	}

	/**
	 * Sampled scores with their standard errors.
	 *
	 * @param scores the estimated scores
	 * @param errors the standard error of each (0 when every actor was a source; NaN from a single source)
	 * @param sampled how many sources were drawn
	 * @param sources how many actors could have been
	 */
	record Estimate(double[] scores, double[] errors, int sampled, int sources) {
	}

	/**
	 * What one Brandes pass from every source in a set costs, in adjacency entries and nodes visited: the measure the
	 * service compares with its budget before it starts (a pass visits every node once and every tie twice).
	 */
	static long work(ActorGraph graph, long sources) {
		long entries = 0;
		for (int i = 0; i < graph.size(); i++) {
			entries += graph.neighbours(i).size();
		}
		return sources * (graph.size() + entries);
	}

	/**
	 * One single-source pass of Brandes' algorithm over the graph laid out in arrays (compressed rows): the boxed maps
	 * of {@link ActorGraph} cost several times more per step. Predecessors are found again in the backward sweep (a
	 * neighbour one hop closer to the source) instead of being kept in lists.
	 */
	private static final class Brandes {

		final int[] offsets;

		final int[] targets;

		final int[] distance;

		final double[] sigma;

		final double[] delta;

		final int[] order;

		Brandes(ActorGraph graph) {
			int n = graph.size();
			this.offsets = new int[n + 1];
			for (int i = 0; i < n; i++) {
				this.offsets[i + 1] = this.offsets[i] + graph.neighbours(i).size();
			}
			this.targets = new int[this.offsets[n]];
			for (int i = 0; i < n; i++) {
				int at = this.offsets[i];
				for (int w : graph.neighbours(i).keySet()) {
					this.targets[at++] = w;
				}
			}
			this.distance = new int[n];
			this.sigma = new double[n];
			this.delta = new double[n];
			this.order = new int[n];
		}

		/** Fills {@link #delta} with every node's dependency on source s, counting paths to targets only. */
		void from(int s, boolean[] isTarget) {
			Arrays.fill(this.distance, -1);
			Arrays.fill(this.sigma, 0);
			Arrays.fill(this.delta, 0);
			this.distance[s] = 0;
			this.sigma[s] = 1;
			int head = 0;
			int tail = 0;
			this.order[tail++] = s;
			while (head < tail) {
				int v = this.order[head++];
				int next = this.distance[v] + 1;
				for (int e = this.offsets[v]; e < this.offsets[v + 1]; e++) {
					int w = this.targets[e];
					if (this.distance[w] < 0) {
						this.distance[w] = next;
						this.order[tail++] = w;
					}
					if (this.distance[w] == next) {
						this.sigma[w] += this.sigma[v];
					}
				}
			}
			for (int k = tail - 1; k > 0; k--) {
				int w = this.order[k];
				double share = ((isTarget[w] ? 1.0 : 0.0) + this.delta[w]) / this.sigma[w];
				int closer = this.distance[w] - 1;
				for (int e = this.offsets[w]; e < this.offsets[w + 1]; e++) {
					int v = this.targets[e];
					if (this.distance[v] == closer) {
						this.delta[v] += this.sigma[v] * share;
					}
				}
			}
			this.delta[s] = 0;
		}

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
