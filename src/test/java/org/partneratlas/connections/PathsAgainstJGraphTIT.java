package org.partneratlas.connections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.AllDirectedPaths;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.ingest.CuratedGraph;
import org.partneratlas.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a generated graph of organisations and instruments, the length and the number of shortest paths agree with
 * JGraphT (breadth-first search, and an enumeration of all simple paths up to that length).
 */
class PathsAgainstJGraphTIT {

	static final int ACTORS = 40;

	static final int INSTRUMENTS = 30;

	static ConnectionQueries queries;

	static final Graph<String, DefaultEdge> undirected = new SimpleGraph<>(DefaultEdge.class);

	static final Graph<String, DefaultEdge> directed = new DefaultDirectedGraph<>(DefaultEdge.class);

	@BeforeAll
	static void graph() {
		queries = new ConnectionQueries(Fixtures.load("generated-paths", PathsAgainstJGraphTIT::generate));
	}

	static CuratedGraph generate() {
		Random random = new Random(7);
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> ties = new ArrayList<>();
		for (int i = 0; i < ACTORS; i++) {
			nodes.add(node("org:a" + i, Label.ORGANISATION, "association"));
		}
		for (int i = 0; i < INSTRUMENTS; i++) {
			nodes.add(node("instrument:i" + i, Label.INSTRUMENT, "cooperation-line"));
			int parties = 2 + random.nextInt(2);
			for (int p = 0; p < parties; p++) {
				String actor = "org:a" + random.nextInt(ACTORS);
				if (!undirected.containsEdge(actor, "instrument:i" + i)) {
					ties.add(tie(actor, RelType.PARTY_TO, "instrument:i" + i));
				}
			}
		}
		for (int i = 0; i < 12; i++) {
			String a = "org:a" + random.nextInt(ACTORS);
			String b = "org:a" + random.nextInt(ACTORS);
			if (!a.equals(b) && !undirected.containsEdge(a, b)) {
				ties.add(tie(a, RelType.COOPERATES_WITH, b));
			}
		}
		return new CuratedGraph(nodes, ties);
	}

	static Map<String, Object> node(String id, Label label, String kind) {
		undirected.addVertex(id);
		directed.addVertex(id);
		return Map.of("id", id, "labels", label.graphLabels(), "props",
				Map.of("name", id, "kind", kind, "tlp", "CLEAR", "tlpLevel", Tlp.CLEAR.level(), "access",
						Visibility.accessOf(Tlp.CLEAR, null, List.of()), "sourceIds",
						List.of("source:generated"), "sourceLocators", List.of("generator")));
	}

	static Map<String, Object> tie(String from, RelType type, String to) {
		undirected.addEdge(from, to);
		directed.addEdge(from, to);
		directed.addEdge(to, from);
		String id = Edge.idOf(from, type, to, null);
		Map<String, Object> props = new HashMap<>(Map.of("id", id, "tlp", "CLEAR", "tlpLevel", 0, "access",
				Visibility.accessOf(Tlp.CLEAR, null, List.of()), "sourceIds",
				List.of("source:generated"), "sourceLocators", List.of("generator")));
		return Map.of("id", id, "from", from, "type", type.name(), "to", to, "props", props);
	}

	@Test
	void shortestPathLengthsAndCountsAgreeWithJGraphT() {
		Random random = new Random(11);
		int compared = 0;
		for (int pair = 0; pair < 40; pair++) {
			String a = "org:a" + random.nextInt(ACTORS);
			String b = "org:a" + random.nextInt(ACTORS);
			if (a.equals(b)) {
				continue;
			}
			var shortest = BFSShortestPath.findPathBetween(undirected, a, b);
			ConnectionQueries.PathResult result = queries.paths(a, b, 10, 6, ConnectionQueries.PathFilter.NONE, null,
					Visibility.ANONYMOUS);
			assertThat(result.cut()).as("%s to %s: a 70-node graph fits the default budget", a, b).isFalse();
			List<Path> ours = result.paths();
			if (shortest == null || shortest.getLength() > 6) {
				assertThat(ours).as("%s to %s: no path within 6", a, b).isEmpty();
				continue;
			}
			int distance = shortest.getLength();
			long shortestCount = new AllDirectedPaths<>(directed).getAllPaths(a, b, true, distance)
				.stream()
				.filter((p) -> p.getLength() == distance)
				.count();
			assertThat(ours).as("%s to %s", a, b).isNotEmpty();
			assertThat(ours.getFirst().length()).as("%s to %s: shortest length", a, b).isEqualTo(distance);
			long oursShortest = ours.stream().filter((p) -> p.length() == distance).count();
			assertThat(oursShortest).as("%s to %s: number of shortest paths", a, b)
				.isEqualTo(Math.min(10, shortestCount));
			compared++;
		}
		assertThat(compared).isGreaterThan(20);
	}

	@Test
	void aHopLimitBoundsTheSearchAndKeepsEveryPathWithinIt() {
		Random random = new Random(13);
		int compared = 0;
		for (int pair = 0; pair < 30; pair++) {
			String a = "org:a" + random.nextInt(ACTORS);
			String b = "org:a" + random.nextInt(ACTORS);
			if (a.equals(b)) {
				continue;
			}
			var shortest = BFSShortestPath.findPathBetween(undirected, a, b);
			List<Integer> widest = queries
				.paths(a, b, 10, 6, ConnectionQueries.PathFilter.NONE, null, Visibility.ANONYMOUS)
				.paths()
				.stream()
				.map(Path::length)
				.toList();
			for (int hops = 1; hops <= 5; hops++) {
				int limit = hops;
				List<Integer> lengths = queries
					.paths(a, b, 10, hops, ConnectionQueries.PathFilter.NONE, null, Visibility.ANONYMOUS)
					.paths()
					.stream()
					.map(Path::length)
					.toList();
				assertThat(lengths).as("%s to %s within %d", a, b, hops).allMatch((l) -> l <= limit);
				assertThat(lengths.isEmpty()).as("%s to %s within %d: found", a, b, hops)
					.isEqualTo(shortest == null || shortest.getLength() > hops);
				// The ten shortest within the limit have the lengths of those of the widest answer that fit.
				assertThat(lengths).as("%s to %s within %d: lengths", a, b, hops)
					.isEqualTo(widest.stream().filter((l) -> l <= limit).toList());
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(100);
	}

	/**
	 * The work budget, in relationships examined, at every hop limit and at budgets from starved to ample: an answer
	 * not flagged cut is exactly the unbounded one; a cut answer holds only true shortest paths (never a wrong
	 * length), and never says "no path" without the flag when one exists. And the same budget gives the same answer
	 * (the budget is rows, not time).
	 */
	@Test
	void aSearchCutAtItsWorkBudgetSaysSoAndNeverClaimsThereIsNoPath() {
		Random random = new Random(17);
		int cut = 0;
		int whole = 0;
		for (int pair = 0; pair < 10; pair++) {
			String a = "org:a" + random.nextInt(ACTORS);
			String b = "org:a" + random.nextInt(ACTORS);
			if (a.equals(b)) {
				continue;
			}
			var shortest = BFSShortestPath.findPathBetween(undirected, a, b);
			for (int hops = 2; hops <= 6; hops++) {
				List<Integer> unbounded = lengths(queries.paths(a, b, 3, hops, ConnectionQueries.PathFilter.NONE, null,
						Visibility.ANONYMOUS));
				boolean exists = shortest != null && shortest.getLength() <= hops;
				for (int budget : new int[] { 3, 12, 40 }) {
					ConnectionQueries.PathResult result = queries.paths(a, b, 3, hops,
							ConnectionQueries.PathFilter.NONE, null, Visibility.ANONYMOUS, budget);
					String as = a + " to " + b + " within " + hops + ", budget " + budget;
					assertThat(result.examined()).as(as + ": examined").isLessThanOrEqualTo(budget);
					List<Integer> lengths = lengths(result);
					if (!result.cut()) {
						whole++;
						assertThat(lengths).as(as + ": a complete answer is the unbounded one").isEqualTo(unbounded);
					}
					else {
						cut++;
						// the lengths of the unbounded answer's first paths: never a wrong length, never a longer path
						// in place of a shorter one
						assertThat(lengths).as(as + ": a cut answer holds true paths, shortest first")
							.isEqualTo(unbounded.subList(0, Math.min(lengths.size(), unbounded.size())));
						int within = hops;
						assertThat(lengths).as(as + ": a cut answer holds true paths")
							.allMatch((l) -> l >= shortest.getLength() && l <= within);
						assertThat(lengths.size()).as(as + ": a cut answer is short of k").isLessThan(3);
					}
					if (exists && lengths.isEmpty()) {
						assertThat(result.cut()).as(as + ": a path exists, so an empty answer must be flagged cut")
							.isTrue();
					}
					if (budget == 12) {
						ConnectionQueries.PathResult again = queries.paths(a, b, 3, hops,
								ConnectionQueries.PathFilter.NONE, null, Visibility.ANONYMOUS, budget);
						assertThat(List.of(again.cut(), again.examined(), lengths(again)))
							.as(as + ": the same budget, the same answer")
							.isEqualTo(List.of(result.cut(), result.examined(), lengths));
					}
				}
			}
		}
		assertThat(cut).as("some searches were cut").isGreaterThan(10);
		assertThat(whole).as("some fitted their budget").isGreaterThan(10);
	}

	static List<Integer> lengths(ConnectionQueries.PathResult result) {
		return result.paths().stream().map(Path::length).toList();
	}

}
