package org.partneratlas.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.ingest.CuratedGraph;
import org.partneratlas.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path search's work budget against the shape that made it run for seconds at L: a pair joined only through a
 * hub with more ties than the budget, and a pair in two components one of which holds such a hub. Every phase stays
 * within the budget (the statements it sends examine at most that many visible relationships, and it sends a bounded
 * number of them); a cut answer says so and holds only true paths, shortest first; the default budget answers whole.
 */
class PathBudgetIT {

	/** The hub's ties: more than the small budgets below, far less than the default one. */
	static final int HUB_TIES = 400;

	static GraphReads reads;

	static ConnectionQueries queries;

	@BeforeAll
	static void graph() {
		reads = Fixtures.load("path-budget-hub", PathBudgetIT::generate);
		queries = new ConnectionQueries(reads);
	}

	/**
	 * org:s - org:x1 -[party]- instrument:hub -[party]- org:x2 - org:t (4 hops, the only way), the hub with
	 * {@value #HUB_TIES} parties in all; a second, longer way s - y1 - y2 - y3 - y4 - t (5 hops); and org:island with
	 * its own big instrument, connected to nothing else.
	 */
	static CuratedGraph generate() {
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> ties = new ArrayList<>();
		for (String id : List.of("s", "t", "x1", "x2", "y1", "y2", "y3", "y4", "island")) {
			nodes.add(PathsAgainstJGraphTIT.node("org:" + id, Label.ORGANISATION, "association"));
		}
		nodes.add(PathsAgainstJGraphTIT.node("instrument:hub", Label.INSTRUMENT, "cooperation-line"));
		nodes.add(PathsAgainstJGraphTIT.node("instrument:lake", Label.INSTRUMENT, "cooperation-line"));
		ties.add(PathsAgainstJGraphTIT.tie("org:s", RelType.COOPERATES_WITH, "org:x1"));
		ties.add(PathsAgainstJGraphTIT.tie("org:x2", RelType.COOPERATES_WITH, "org:t"));
		ties.add(PathsAgainstJGraphTIT.tie("org:x1", RelType.PARTY_TO, "instrument:hub"));
		ties.add(PathsAgainstJGraphTIT.tie("org:x2", RelType.PARTY_TO, "instrument:hub"));
		ties.add(PathsAgainstJGraphTIT.tie("org:s", RelType.COOPERATES_WITH, "org:y1"));
		ties.add(PathsAgainstJGraphTIT.tie("org:y1", RelType.COOPERATES_WITH, "org:y2"));
		ties.add(PathsAgainstJGraphTIT.tie("org:y2", RelType.COOPERATES_WITH, "org:y3"));
		ties.add(PathsAgainstJGraphTIT.tie("org:y3", RelType.COOPERATES_WITH, "org:y4"));
		ties.add(PathsAgainstJGraphTIT.tie("org:y4", RelType.COOPERATES_WITH, "org:t"));
		ties.add(PathsAgainstJGraphTIT.tie("org:island", RelType.PARTY_TO, "instrument:lake"));
		for (int i = 0; i < HUB_TIES - 2; i++) {
			nodes.add(PathsAgainstJGraphTIT.node("org:h" + i, Label.ORGANISATION, "association"));
			ties.add(PathsAgainstJGraphTIT.tie("org:h" + i, RelType.PARTY_TO, "instrument:hub"));
			nodes.add(PathsAgainstJGraphTIT.node("org:l" + i, Label.ORGANISATION, "association"));
			ties.add(PathsAgainstJGraphTIT.tie("org:l" + i, RelType.PARTY_TO, "instrument:lake"));
		}
		return new CuratedGraph(nodes, ties);
	}

	@Test
	void aPairReachedOnlyThroughAHubLargerThanTheBudgetIsCutNeverWrong() {
		for (int hops = 1; hops <= 6; hops++) {
			for (int k : new int[] { 1, 3, 10 }) {
				for (int budget : new int[] { 1, 5, 50, HUB_TIES - 1 }) {
					String as = "within " + hops + ", k " + k + ", budget " + budget;
					long before = reads.statementCount();
					ConnectionQueries.PathResult result = queries.paths("org:s", "org:t", k, hops,
							ConnectionQueries.PathFilter.NONE, null, Visibility.ANONYMOUS, budget);
					long statements = reads.statementCount() - before;
					assertThat(result.examined()).as(as + ": examined").isLessThanOrEqualTo(budget);
					// one frontier statement a level, then one that reads the chosen paths whole
					assertThat(statements).as(as + ": statements").isLessThanOrEqualTo(hops + 1);
					List<List<String>> paths = ids(result);
					if (hops < 4) {
						assertThat(paths).as(as + ": nothing within fewer than 4 hops").isEmpty();
						continue;
					}
					// whatever it answers is true: the 4-hop way first, then the 5-hop one
					List<List<String>> truth = List.of(List.of("org:s", "org:x1", "instrument:hub", "org:x2", "org:t"),
							List.of("org:s", "org:y1", "org:y2", "org:y3", "org:y4", "org:t"));
					assertThat(truth.subList(0, Math.min(paths.size(), 2))).as(as + ": true paths, shortest first")
						.isEqualTo(paths);
					int exist = (hops >= 5) ? 2 : 1;
					if (!result.cut()) {
						assertThat(paths).as(as + ": an uncut answer is whole").hasSize(Math.min(k, exist));
					}
					else {
						// the search cannot know there are no more (it did not see all of the hub's ties)
						assertThat(paths.size()).as(as + ": a cut answer is short of k").isLessThan(k);
					}
				}
			}
		}
	}

	@Test
	void theHubCutsASmallBudgetAndTheDefaultBudgetAnswersWhole() {
		ConnectionQueries.PathResult cut = queries.paths("org:s", "org:t", 3, 4, ConnectionQueries.PathFilter.NONE,
				null, Visibility.ANONYMOUS, 50);
		// s -> x1, y1; t -> x2, y4; then one side must expand the hub (400 ties): more than 50
		assertThat(cut.cut()).as("the hub does not fit 50 relationships").isTrue();
		assertThat(cut.examined()).isLessThanOrEqualTo(50);
		ConnectionQueries.PathResult whole = queries.paths("org:s", "org:t", 3, 6, ConnectionQueries.PathFilter.NONE,
				null, Visibility.ANONYMOUS);
		assertThat(whole.cut()).isFalse();
		assertThat(ids(whole)).hasSize(2);
		assertThat(whole.paths().stream().map(Path::length).toList()).isEqualTo(List.of(4, 5));
	}

	@Test
	void anUnconnectedPairWithAHubIsCutAtASmallBudgetAndExactlyEmptyAtTheDefault() {
		for (int hops = 1; hops <= 6; hops++) {
			ConnectionQueries.PathResult small = queries.paths("org:island", "org:s", 3, hops,
					ConnectionQueries.PathFilter.NONE, null, Visibility.ANONYMOUS, 100);
			assertThat(small.paths()).isEmpty();
			assertThat(small.examined()).isLessThanOrEqualTo(100);
			// island -> lake (1 relationship), then the lake's 399 ties do not fit 100: cut from 2 hops on
			assertThat(small.cut()).as("within %d: never 'no path' before the search could know", hops)
				.isEqualTo(hops >= 2);
			ConnectionQueries.PathResult whole = queries.paths("org:island", "org:s", 3, hops,
					ConnectionQueries.PathFilter.NONE, null, Visibility.ANONYMOUS);
			assertThat(whole.paths()).isEmpty();
			assertThat(whole.cut()).as("within %d: the default budget covers both components", hops).isFalse();
		}
	}

	static List<List<String>> ids(ConnectionQueries.PathResult result) {
		return result.paths().stream().map((p) -> p.nodes().stream().map(Entity::id).toList()).toList();
	}

}
