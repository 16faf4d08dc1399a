package org.partneratlas.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

/**
 * The k shortest paths between two nodes within a hop limit, with bounded work: a breadth-first search from both
 * ends (one statement a level, {@code connections/path-frontier.cypher}, the same predicate as
 * {@code connections/paths.cypher}) first decides, within a budget of relationships examined, whether and at what
 * distance the two meet; only then does {@code connections/paths.cypher} (Neo4j's own two-sided {@code SHORTEST})
 * enumerate the paths, bounded at a hop limit the search has shown to be affordable.
 * <p>
 * Why: {@code SHORTEST k} must exhaust everything within the hop limit before it can say a far or unconnected pair
 * has fewer than k paths; through hubs at L that took 22-26 s. The outcomes:
 * <ul>
 * <li>the search walked every level within the hop limit without meeting: no path, and that is exact (no
 * {@code SHORTEST} runs at all);</li>
 * <li>the two sides met at distance d with at least k shortest paths: {@code SHORTEST} bounded at d hops; exact;</li>
 * <li>they met, with fewer than k shortest paths, and every level within the hop limit fitted the budget:
 * {@code SHORTEST} at the full hop limit, within {@link #LONGER_PATHS_TIME}; exact; past that time (the one step
 * bounded by time, not rows: enumerating paths through the hubs the search did not expand can cost seconds), the
 * shortest paths, flagged cut;</li>
 * <li>they met but the budget ran out before the hop limit was covered: the paths of length d, and the answer says
 * that the search for longer ones was cut (unless k were found);</li>
 * <li>the budget ran out before they met: no path found, and the answer says the search was cut, never that no
 * path exists.</li>
 * </ul>
 * The budget counts relationships the frontier statement returns, i.e. visible steps into allowed nodes only, so a
 * cut says nothing about hidden items; it is deterministic (a number of rows, not a time), which is what tests hold
 * it to. The level-by-level expansion always grows the side with the smaller frontier.
 */
public final class PathSearch {

	/**
	 * Relationships the two-sided search may examine: ten times a 2000-node neighbourhood level, where the exhaustive
	 * 4-hop SHORTEST of a far pair through hubs took 22-26 s at L (bench/results/2026-11-23.md). Not yet tuned on a
	 * quiet machine (bench/results/2026-11-30-bounded.md).
	 */
	public static final int DEFAULT_BUDGET = 20_000;

	/**
	 * How long the enumeration of paths longer than the shortest may take before the shortest are the answer. The
	 * statement's first run includes its planning, which took over 1.5 s on a busy machine even on a 70-node graph
	 * (VisibilityDifferentialIT then saw a cut on one side of a differential pair): 5 s, to be tuned on a quiet one.
	 */
	static final java.time.Duration LONGER_PATHS_TIME = java.time.Duration.ofSeconds(5);

	private final GraphReads reads;

	public PathSearch(GraphReads reads) {
		this.reads = reads;
	}

	/**
	 * The answer: the path records of {@code connections/paths.cypher} (shortest first), whether the search was cut
	 * before it could be complete, and how much it examined.
	 *
	 * @param paths the records, at most k
	 * @param cut true when the budget ran out and more (or any) paths within the hop limit may exist
	 * @param distance the length of the shortest path, or -1 when none was found
	 * @param examined relationships the two-sided search examined
	 */
	public record Answer(List<Record> paths, boolean cut, int distance, int examined) {
	}

	/**
	 * Searches. {@code parameters} are those of {@code connections/paths.cypher} ({@code from}, {@code to}, {@code k},
	 * the filters and {@code asOf}); both ends must exist and be visible (the caller checks).
	 */
	public Answer search(Map<String, Object> parameters, int k, int maxHops, Visibility visibility, int budget) {
		String from = (String) parameters.get("from");
		String to = (String) parameters.get("to");
		Side a = new Side(from);
		Side b = new Side(to);
		int examined = 0;
		int distance = -1;
		long shortestPaths = 0;
		boolean cut = false;
		while (a.level + b.level < maxHops) {
			Side grow = (a.frontier.size() <= b.frontier.size()) ? a : b;
			Side other = (grow == a) ? b : a;
			if (grow.frontier.isEmpty()) {
				break; // one side has nothing left to reach: everything connected to it was seen
			}
			Deadline.checkCurrent();
			Map<String, Object> p = new HashMap<>(parameters);
			p.put("frontier", grow.frontier);
			p.put("ends", List.of(from, to));
			p.put("budget", budget - examined);
			List<String[]> steps = this.reads.list("connections/path-frontier", visibility, p,
					(r) -> new String[] { r.get("from").asString(), r.get("next").asString() });
			boolean levelCut = steps.size() > budget - examined;
			if (levelCut) {
				steps = steps.subList(0, budget - examined);
			}
			examined += steps.size();
			grow.advance(steps);
			if (distance < 0) {
				// The first level that meets gives the distance: with every earlier level complete and no meeting,
				// no shorter path exists (any path of length <= a.level + b.level would have a node seen by both).
				long count = 0;
				int best = Integer.MAX_VALUE;
				for (String node : grow.frontier) {
					Integer there = other.distance.get(node);
					if (there != null) {
						int d = grow.level + there;
						if (d < best) {
							best = d;
							count = 0;
						}
						if (d == best) {
							count += grow.paths.get(node) * other.paths.get(node);
						}
					}
				}
				if (best <= maxHops) {
					distance = best;
					shortestPaths = count;
				}
			}
			if (levelCut) {
				cut = true;
				break;
			}
			if (distance >= 0 && shortestPaths >= k) {
				break; // k paths of the shortest length: SHORTEST at that length answers whole
			}
		}
		if (distance < 0) {
			return new Answer(List.of(), cut, -1, examined);
		}
		if (shortestPaths < k && !cut && distance < maxHops) {
			// Fewer than k shortest paths: the k asked include longer ones. The search above never expanded its last
			// levels (hubs, often), while SHORTEST must enumerate paths through them: measured at L, this step alone
			// took 15 s and more for a pair 4 hops apart. It gets a time budget; past it, the shortest paths are the
			// answer, flagged cut (never a wrong or a "no more" answer).
			try {
				List<Record> paths = this.reads.listWithHopLimit("connections/paths", maxHops, visibility, parameters,
						(r) -> r, LONGER_PATHS_TIME);
				return new Answer(paths, false, distance, examined);
			}
			catch (org.neo4j.driver.exceptions.Neo4jException ex) {
				if (ex.code() == null || !ex.code().contains("TransactionTimedOut")) {
					throw ex;
				}
				Deadline.checkCurrent();
				cut = true;
			}
		}
		int hops = (shortestPaths >= k || cut) ? distance : maxHops;
		List<Record> paths = this.reads.listWithHopLimit("connections/paths", hops, visibility, parameters,
				(r) -> r);
		return new Answer(paths, cut && paths.size() < k && hops < maxHops, distance, examined);
	}

	/** One end's breadth-first search: distances, the number of shortest walks to each node, the last level. */
	private static final class Side {

		final Map<String, Integer> distance = new HashMap<>();

		final Map<String, Long> paths = new HashMap<>();

		List<String> frontier;

		int level;

		Side(String start) {
			this.distance.put(start, 0);
			this.paths.put(start, 1L);
			this.frontier = List.of(start);
		}

		/** The next level from the steps out of the current one (one a relationship: parallel ties are paths too). */
		void advance(List<String[]> steps) {
			int next = this.level + 1;
			List<String> reached = new ArrayList<>();
			for (String[] step : steps) {
				Integer known = this.distance.get(step[1]);
				if (known == null) {
					this.distance.put(step[1], next);
					this.paths.put(step[1], 0L);
					reached.add(step[1]);
					known = next;
				}
				if (known == next) {
					this.paths.merge(step[1], this.paths.get(step[0]), Long::sum);
				}
			}
			this.frontier = reached;
			this.level = next;
		}

	}

}
