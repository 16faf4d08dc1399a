package org.partneratlas.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An undirected, weighted, simple graph of actors, indexed 0..n-1 in the order they were first added (so every
 * algorithm over it is deterministic). The weight of an edge is the number of ties two actors share.
 */
final class ActorGraph {

	private final Map<String, Integer> index = new LinkedHashMap<>();

	private final List<String> ids = new ArrayList<>();

	private final List<Map<Integer, Double>> adjacency = new ArrayList<>();

	int add(String id) {
		return this.index.computeIfAbsent(id, (k) -> {
			this.ids.add(k);
			this.adjacency.add(new LinkedHashMap<>());
			return this.ids.size() - 1;
		});
	}

	/** Adds weight to the edge between two actors (creating both and the edge as needed); self loops are ignored. */
	void connect(String a, String b, double weight) {
		int i = add(a);
		int j = add(b);
		if (i == j) {
			return;
		}
		this.adjacency.get(i).merge(j, weight, Double::sum);
		this.adjacency.get(j).merge(i, weight, Double::sum);
	}

	int size() {
		return this.ids.size();
	}

	String id(int i) {
		return this.ids.get(i);
	}

	Integer indexOf(String id) {
		return this.index.get(id);
	}

	Map<Integer, Double> neighbours(int i) {
		return this.adjacency.get(i);
	}

	double strength(int i) {
		double sum = 0;
		for (double w : this.adjacency.get(i).values()) {
			sum += w;
		}
		return sum;
	}

	/** Twice the total edge weight (the "2m" of modularity). */
	double totalStrength() {
		double sum = 0;
		for (int i = 0; i < size(); i++) {
			sum += strength(i);
		}
		return sum;
	}

	Map<String, Integer> indexById() {
		return new HashMap<>(this.index);
	}

}
