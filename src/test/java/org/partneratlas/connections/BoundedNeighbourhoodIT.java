package org.partneratlas.connections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.ingest.CuratedGraph;
import org.partneratlas.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The neighbourhood's work bound (a level stops at its budget of distinct visible nodes): exact counts while it fits,
 * an honest "at least" once cut, and never a count of hidden nodes. On a generated graph with a hub instrument (40
 * visible parties, 30 hidden AMBER ones) and small instruments, against a JGraphT breadth-first oracle over the
 * visible PARTY_TO ties. The budget is a number of nodes, so every expectation is exact, not timing-dependent.
 */
class BoundedNeighbourhoodIT {

	static final int VISIBLE = 60;

	static final int HIDDEN = 30;

	static final List<RelType> PARTY_TO = List.of(RelType.PARTY_TO);

	static ConnectionQueries queries;

	/** Visible nodes and visible PARTY_TO ties only: what an anonymous caller may walk. */
	static final Graph<String, DefaultEdge> visible = new SimpleGraph<>(DefaultEdge.class);

	@BeforeAll
	static void graph() {
		queries = new ConnectionQueries(Fixtures.load("generated-bounded-neighbourhood", BoundedNeighbourhoodIT::generate));
		if (visible.vertexSet().isEmpty()) {
			generate(); // the fixture was already loaded by an earlier class: the oracle still needs the graph
		}
	}

	static CuratedGraph generate() {
		Random random = new Random(5);
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> ties = new ArrayList<>();
		nodes.add(node("instrument:hub", Label.INSTRUMENT, "cooperation-line", Tlp.CLEAR));
		for (int i = 0; i < VISIBLE; i++) {
			nodes.add(node("org:v" + i, Label.ORGANISATION, "association", Tlp.CLEAR));
			if (i < 40) {
				ties.add(tie("org:v" + i, "instrument:hub"));
			}
		}
		for (int i = 0; i < HIDDEN; i++) {
			nodes.add(node("org:h" + i, Label.ORGANISATION, "association", Tlp.AMBER));
			ties.add(tie("org:h" + i, "instrument:hub"));
		}
		for (int i = 0; i < 20; i++) {
			String id = "instrument:s" + i;
			nodes.add(node(id, Label.INSTRUMENT, "cooperation-line", Tlp.CLEAR));
			Set<String> parties = new HashSet<>();
			for (int p = 0; p < 3; p++) {
				parties.add("org:v" + random.nextInt(VISIBLE));
			}
			parties.forEach((party) -> ties.add(tie(party, id)));
		}
		return new CuratedGraph(nodes, ties);
	}

	static Map<String, Object> node(String id, Label label, String kind, Tlp tlp) {
		if (tlp == Tlp.CLEAR) {
			visible.addVertex(id);
		}
		return Map.of("id", id, "labels", label.graphLabels(), "props",
				Map.of("name", id, "kind", kind, "tlp", tlp.toString(), "tlpLevel", tlp.level(), "access",
						Visibility.accessOf(tlp, null, List.of()), "sourceIds", List.of("source:generated"),
						"sourceLocators", List.of("generator")));
	}

	static Map<String, Object> tie(String from, String to) {
		if (visible.containsVertex(from) && visible.containsVertex(to)) {
			visible.addEdge(from, to);
		}
		String id = Edge.idOf(from, RelType.PARTY_TO, to, null);
		Map<String, Object> props = new HashMap<>(Map.of("id", id, "tlp", "CLEAR", "tlpLevel", 0, "access",
				Visibility.accessOf(Tlp.CLEAR, null, List.of()), "sourceIds", List.of("source:generated"),
				"sourceLocators", List.of("generator")));
		return Map.of("id", id, "from", from, "type", RelType.PARTY_TO.name(), "to", to, "props", props);
	}

	/** The visible nodes within {@code depth} steps, the centre left out, by breadth-first search. */
	static Set<String> within(String centre, int depth) {
		Set<String> seen = new HashSet<>(Set.of(centre));
		Set<String> frontier = Set.of(centre);
		for (int d = 0; d < depth; d++) {
			Set<String> next = new HashSet<>();
			for (String n : frontier) {
				for (DefaultEdge e : visible.edgesOf(n)) {
					String other = visible.getEdgeSource(e).equals(n) ? visible.getEdgeTarget(e) : visible.getEdgeSource(e);
					if (seen.add(other)) {
						next.add(other);
					}
				}
			}
			frontier = next;
		}
		seen.remove(centre);
		return seen;
	}

	static Subgraph ask(String centre, int depth, int limit, int budget) {
		return queries.neighbourhood(centre, depth, null, PARTY_TO, limit, null, Visibility.ANONYMOUS, budget)
			.orElseThrow();
	}

	@Test
	void countsExactlyWhileEveryLevelFitsItsBudget() {
		for (String centre : List.of("instrument:hub", "org:v0", "org:v45", "instrument:s3")) {
			for (int depth = 1; depth <= 3; depth++) {
				Set<String> reachable = within(centre, depth);
				Subgraph s = ask(centre, depth, 10, 1000);
				String as = centre + " at depth " + depth;
				assertThat(s.omittedNodesExact()).as(as).isTrue();
				assertThat(s.nodes()).as(as).hasSize(Math.min(10, reachable.size() + 1));
				assertThat(s.omittedNodes()).as(as).isEqualTo(Math.max(0, reachable.size() - 9));
				assertThat(s.nodes().stream().skip(1).map(Entity::id)).as(as).allMatch(reachable::contains);
			}
		}
	}

	@Test
	void aLevelCutAtItsBudgetSaysAtLeastAndStillFillsTheLimit() {
		// from the hub: 40 visible parties at depth 1, a budget of 12 nodes a level
		Subgraph hub = ask("instrument:hub", 2, 5, 12);
		assertThat(hub.omittedNodesExact()).isFalse();
		assertThat(hub.truncated()).isTrue();
		assertThat(hub.nodes()).hasSize(5);
		assertThat(hub.omittedNodes()).as("found 12, kept 4: at least 8 more")
			.isEqualTo(8)
			.isLessThanOrEqualTo(within("instrument:hub", 2).size() - 4);
		// from a party: level 1 (the hub and a few small instruments) fits, level 2 (the hub's parties) is cut
		Set<String> reachable = within("org:v0", 2);
		Subgraph party = ask("org:v0", 2, 5, 12);
		assertThat(party.omittedNodesExact()).isFalse();
		assertThat(party.nodes()).hasSize(5);
		assertThat(party.nodes().stream().skip(1).map(Entity::id)).allMatch(reachable::contains);
		assertThat(party.omittedNodes()).as("a lower bound: never more than what is there")
			.isGreaterThanOrEqualTo(12 - 4)
			.isLessThanOrEqualTo(reachable.size() - 4);
		// the budget is never below the limit (it must fill it): limit 30, budget 12 counts 30 a level
		Subgraph wide = ask("instrument:hub", 1, 30, 12);
		assertThat(wide.nodes()).hasSize(30);
		assertThat(wide.omittedNodesExact()).isFalse();
		assertThat(wide.omittedNodes()).isEqualTo(1);
	}

	@Test
	void theBudgetCountsVisibleNodesOnlySoHiddenOnesCannotBeInferred() {
		// 40 visible and 30 hidden parties: a budget of 40 nodes fits what an anonymous caller may see, exactly
		Subgraph anonymous = ask("instrument:hub", 1, 5, 40);
		assertThat(anonymous.omittedNodesExact()).as("70 parties, but only 40 visible: not cut").isTrue();
		assertThat(anonymous.omittedNodes()).isEqualTo(40 - 4);
		// an AMBER caller sees all 70: the same budget is cut for them
		Subgraph amber = queries.neighbourhood("instrument:hub", 1, null, PARTY_TO, 5, null,
				Visibility.clearedFor(Tlp.AMBER), 40)
			.orElseThrow();
		assertThat(amber.omittedNodesExact()).isFalse();
		assertThat(amber.omittedNodes()).isEqualTo(40 - 4);
	}

}
