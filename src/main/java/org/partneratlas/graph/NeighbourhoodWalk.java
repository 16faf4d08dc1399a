package org.partneratlas.graph;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of {@code connections/neighbourhood.cypher}, built in one place for the API and the neighbourhood
 * export, so that an exported neighbourhood is the one the API answers, with the same work bound.
 */
public final class NeighbourhoodWalk {

	/**
	 * The most distinct visible nodes one level of a neighbourhood walk finds before it stops and says its count is a
	 * lower bound. Four times the largest limit, so a cut level still fills any answer; PROFILE at L from a hub
	 * country (bench/results/2026-11-30-bounded.md): the cut level 1 read 2.3k relationships (10.8k db hits) where
	 * the exact count read every tie of the hub and, at depth 2, tens of thousands of level-2 nodes.
	 */
	public static final int LEVEL_BUDGET = 2000;

	private NeighbourhoodWalk() {
	}

	/**
	 * The statement's parameters: at most {@code limit} nodes and four edges a node, types and labels as given (null:
	 * any), valid at {@code asOf} (null: any date), each level stopping at {@code levelBudget} nodes found (never
	 * below the limit, which it must fill).
	 */
	public static Map<String, Object> parameters(String id, int depth, List<Label> labels, List<RelType> types,
			int limit, LocalDate asOf, int levelBudget) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("depth", depth);
		parameters.put("labels", (labels == null) ? null : labels.stream().map(Label::cypherName).toList());
		parameters.put("types", (types == null) ? null : types.stream().map(RelType::name).toList());
		parameters.put("limit", limit);
		parameters.put("edgeLimit", limit * 4);
		parameters.put("asOf", asOf);
		parameters.put("budget", Math.max(levelBudget, limit));
		return parameters;
	}

}
