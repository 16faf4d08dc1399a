package org.partneratlas.connections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.ActorFilter;
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
 * Coverage, gaps and untied actors of a group's members (issue 13 §2: no request may hold a core for more than 2 s at
 * L): 'memberOf' is expanded from the group, and a coverage matrix's work budget counts every visible instrument tie
 * its rows' actors have, whatever its kind, so that a kind few instruments have cannot make it read hubs' every tie
 * for nothing. Against an oracle worked out here from the generated ties: a region with ten members (one membership
 * hidden, one member hidden), outsiders that share an instrument with some members, and a hidden region; every
 * member holds instruments of the asked kind, of another kind, a hidden one and one through a hidden tie. Budgets
 * count visible rows only: what an anonymous caller is told is the same whatever is hidden.
 */
class BoundedGroupsIT {

	static final String ASKED = "digital-partnership";

	static final String OTHER = "cyber-dialogue";

	static final Visibility AMBER = Visibility.clearedFor(Tlp.AMBER);

	static ConnectionQueries queries;

	/** Node id to its marking and, for instruments, kind. */
	static final Map<String, Tlp> nodeTlp = new HashMap<>();

	static final Map<String, String> kindOf = new HashMap<>();

	static final List<String[]> ties = new ArrayList<>(); // from, type, to, tlp

	@BeforeAll
	static void graph() {
		queries = new ConnectionQueries(Fixtures.load("generated-bounded-groups", BoundedGroupsIT::generate));
		if (ties.isEmpty()) {
			generate();
		}
	}

	static CuratedGraph generate() {
		nodeTlp.clear();
		kindOf.clear();
		ties.clear();
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> rels = new ArrayList<>();
		nodes.add(node("region:club", Label.REGION, "grouping", Tlp.CLEAR));
		nodes.add(node("region:secret", Label.REGION, "grouping", Tlp.AMBER));
		for (int j = 0; j < 10; j++) {
			String m = "org:m" + j;
			nodes.add(node(m, Label.ORGANISATION, "association", (j == 9) ? Tlp.AMBER : Tlp.CLEAR));
			rels.add(tie(m, RelType.MEMBER_OF, "region:club", (j == 8) ? Tlp.AMBER : Tlp.CLEAR));
			for (int k = 0; k < j % 4; k++) {
				nodes.add(node("instrument:a" + j + k, Label.INSTRUMENT, ASKED, Tlp.CLEAR));
				rels.add(tie(m, RelType.PARTY_TO, "instrument:a" + j + k, Tlp.CLEAR));
			}
			for (int k = 0; k < 3; k++) {
				nodes.add(node("instrument:b" + j + k, Label.INSTRUMENT, OTHER, Tlp.CLEAR));
				rels.add(tie(m, RelType.PARTY_TO, "instrument:b" + j + k, Tlp.CLEAR));
			}
			nodes.add(node("instrument:hidden" + j, Label.INSTRUMENT, ASKED, Tlp.AMBER));
			rels.add(tie(m, RelType.PARTY_TO, "instrument:hidden" + j, Tlp.CLEAR));
			nodes.add(node("instrument:tie" + j, Label.INSTRUMENT, ASKED, Tlp.CLEAR));
			rels.add(tie(m, RelType.PARTY_TO, "instrument:tie" + j, Tlp.AMBER));
		}
		for (int j = 0; j < 5; j++) {
			String outsider = "org:n" + j;
			nodes.add(node(outsider, Label.ORGANISATION, "association", Tlp.CLEAR));
			nodes.add(node("instrument:shared" + j, Label.INSTRUMENT, ASKED, Tlp.CLEAR));
			rels.add(tie(outsider, RelType.PARTY_TO, "instrument:shared" + j, Tlp.CLEAR));
			rels.add(tie("org:m" + (2 * j + 1), RelType.PARTY_TO, "instrument:shared" + j, Tlp.CLEAR));
		}
		for (int j = 0; j < 3; j++) {
			nodes.add(node("org:s" + j, Label.ORGANISATION, "association", Tlp.CLEAR));
			rels.add(tie("org:s" + j, RelType.MEMBER_OF, "region:secret", Tlp.CLEAR));
		}
		return new CuratedGraph(nodes, rels);
	}

	static Map<String, Object> node(String id, Label label, String kind, Tlp tlp) {
		nodeTlp.put(id, tlp);
		kindOf.put(id, kind);
		return Map.of("id", id, "labels", label.graphLabels(), "props",
				Map.of("name", id, "kind", kind, "tlp", tlp.toString(), "tlpLevel", tlp.level(), "access",
						Visibility.accessOf(tlp, null, List.of()), "sourceIds", List.of("source:generated"),
						"sourceLocators", List.of("generator")));
	}

	static Map<String, Object> tie(String from, RelType type, String to, Tlp tlp) {
		ties.add(new String[] { from, type.name(), to, tlp.name() });
		String id = Edge.idOf(from, type, to, null);
		Map<String, Object> props = new HashMap<>(Map.of("id", id, "tlp", tlp.toString(), "tlpLevel", tlp.level(),
				"access", Visibility.accessOf(tlp, null, List.of()), "sourceIds", List.of("source:generated"),
				"sourceLocators", List.of("generator")));
		return Map.of("id", id, "from", from, "type", type.name(), "to", to, "props", props);
	}

	// ---- the oracle, over what a caller (anonymous, or cleared for AMBER) sees

	static boolean visible(String node, boolean amber) {
		return amber || nodeTlp.get(node) == Tlp.CLEAR;
	}

	/** The visible ties of a type: from, to. */
	static List<String[]> visibleTies(RelType type, boolean amber) {
		return ties.stream()
			.filter((t) -> t[1].equals(type.name()) && (amber || t[3].equals("CLEAR")) && visible(t[0], amber)
					&& visible(t[2], amber))
			.toList();
	}

	static List<String> members(String group, boolean amber) {
		return visibleTies(RelType.MEMBER_OF, amber).stream()
			.filter((t) -> t[2].equals(group))
			.map((t) -> t[0])
			.sorted()
			.toList();
	}

	/** A member's visible instruments of the asked kind, by id. */
	static List<String> held(String actor, String kind, boolean amber) {
		return visibleTies(RelType.PARTY_TO, amber).stream()
			.filter((t) -> t[0].equals(actor) && kindOf.get(t[2]).equals(kind))
			.map((t) -> t[2])
			.sorted()
			.toList();
	}

	/** The rows a coverage row reads: one a visible instrument tie of any kind, one for an actor with none. */
	static int rowsRead(String actor, boolean amber) {
		return Math.max(1, (int) visibleTies(RelType.PARTY_TO, amber).stream().filter((t) -> t[0].equals(actor)).count());
	}

	static final ActorFilter CLUB = new ActorFilter(null, null, null, "region:club", null, null);

	@Test
	void coverageOfAGroupIsItsVisibleMembersRowsAndItsBudgetCountsTiesOfEveryKind() {
		for (boolean amber : new boolean[] { false, true }) {
			Visibility caller = amber ? AMBER : Visibility.ANONYMOUS;
			List<String> members = members("region:club", amber);
			assertThat(members).as("the oracle").hasSize(amber ? 10 : 8);
			Map<String, List<String>> expected = new LinkedHashMap<>();
			members.forEach((m) -> expected.put(m, held(m, ASKED, amber)));
			int need = members.stream().mapToInt((m) -> rowsRead(m, amber)).sum();
			// what the kind asked for alone would need: less, since every member also holds other kinds
			int askedOnly = expected.values().stream().mapToInt((h) -> Math.max(1, h.size())).sum();
			assertThat(askedOnly).isLessThan(need);
			Coverage whole = queries.coverage(CLUB, List.of(ASKED), null, 500, caller, need);
			assertThat(whole.cut()).as(caller.toString()).isFalse();
			assertThat(whole.truncated()).isFalse();
			assertThat(BoundedAnswersIT.rows(whole)).as(caller.toString()).isEqualTo(expected);
			assertThat(BoundedAnswersIT.rows(queries.coverage(CLUB, List.of(ASKED), null, 500, caller,
					ConnectionQueries.COVERAGE_BUDGET))).isEqualTo(expected);
			for (int budget : new int[] { need - 1, askedOnly, need / 2, 2 }) {
				Coverage cut = queries.coverage(CLUB, List.of(ASKED), null, 500, caller, budget);
				assertThat(cut.cut()).as(caller + " budget " + budget).isTrue();
				assertThat(cut.truncated()).isTrue();
				assertThat(cut.message()).contains("work budget");
				Map<String, List<String>> got = BoundedAnswersIT.rows(cut);
				// a prefix of the oracle's rows, each whole, and as many as fit the budget
				assertThat(new ArrayList<>(got.keySet())).isEqualTo(members.subList(0, got.size()));
				got.forEach((actor, held) -> assertThat(held).as(actor).isEqualTo(expected.get(actor)));
				int used = got.keySet().stream().mapToInt((m) -> rowsRead(m, amber)).sum();
				assertThat(used).isLessThanOrEqualTo(budget);
				assertThat(used + rowsRead(members.get(got.size()), amber)).as("the next row would not have fitted")
					.isGreaterThan(budget);
			}
			// the limit still cuts rows, with truncated and no cut
			Coverage limited = queries.coverage(CLUB, List.of(ASKED, OTHER), null, 3, caller,
					ConnectionQueries.COVERAGE_BUDGET);
			assertThat(limited.rows()).extracting((r) -> r.actor().id()).isEqualTo(members.subList(0, 3));
			assertThat(limited.truncated()).isTrue();
			assertThat(limited.cut()).isFalse();
		}
		// hidden ties and instruments never count: the anonymous need cuts an AMBER caller
		int need = members("region:club", false).stream().mapToInt((m) -> rowsRead(m, false)).sum();
		assertThat(queries.coverage(CLUB, List.of(ASKED), null, 500, AMBER, need).cut()).isTrue();
	}

	@Test
	void aHiddenOrMissingGroupHasNoMembers() {
		ActorFilter secret = new ActorFilter(null, null, null, "region:secret", null, null);
		assertThat(queries.coverage(secret, List.of(ASKED), null, 500, Visibility.ANONYMOUS).rows()).isEmpty();
		assertThat(queries.coverage(secret, List.of(ASKED), null, 500, AMBER).rows()).extracting((r) -> r.actor().id())
			.containsExactly("org:s0", "org:s1", "org:s2");
		assertThat(queries.gaps(secret, List.of(), List.of(ASKED), null, 500, Visibility.ANONYMOUS)).isEmpty();
		assertThat(queries.gaps(secret, List.of(), List.of(ASKED), null, 500, AMBER)).extracting((g) -> g.actor().id())
			.containsExactly("org:s0", "org:s1", "org:s2");
		ActorFilter missing = new ActorFilter(null, null, null, "region:nowhere", null, null);
		assertThat(queries.coverage(missing, List.of(ASKED), null, 500, AMBER).rows()).isEmpty();
		assertThat(queries.untied(missing, ActorFilter.ALL, null, 500, AMBER).actors()).isEmpty();
		// untied from no one: every visible actor
		ConnectionQueries.Untied fromNoOne = queries.untied(
				new ActorFilter(List.of(Label.ORGANISATION), null, null, null, null, null), secret, null, 500,
				Visibility.ANONYMOUS);
		assertThat(fromNoOne.actors()).hasSize((int) nodeTlp.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("org:") && e.getValue() == Tlp.CLEAR)
			.count());
	}

	@Test
	void gapsOfAGroupAreAmongItsVisibleMembers() {
		for (boolean amber : new boolean[] { false, true }) {
			Visibility caller = amber ? AMBER : Visibility.ANONYMOUS;
			List<String> members = members("region:club", amber);
			List<String> having = members.stream().filter((m) -> !held(m, ASKED, amber).isEmpty()).toList();
			List<String> lacking = members.stream().filter((m) -> held(m, ASKED, amber).isEmpty()).toList();
			assertThat(having).isNotEmpty();
			// org:m0 and org:m4 hold the asked kind only through hidden items: they lack it for an anonymous caller
			assertThat(lacking).isEqualTo(amber ? List.of() : List.of("org:m0", "org:m4"));
			assertThat(queries.gaps(CLUB, List.of(ASKED), List.of(), null, 500, caller))
				.extracting((g) -> g.actor().id() + g.has().stream().map((h) -> h.instrument().id()).sorted().toList())
				.as(caller.toString())
				.isEqualTo(having.stream().map((m) -> m + held(m, ASKED, amber)).toList());
			assertThat(queries.gaps(CLUB, List.of(), List.of(ASKED), null, 500, caller)).extracting((g) -> g.actor().id())
				.as(caller.toString())
				.isEqualTo(lacking);
		}
	}

	@Test
	void untiedFromOrAmongAGroupsMembers() {
		for (boolean amber : new boolean[] { false, true }) {
			Visibility caller = amber ? AMBER : Visibility.ANONYMOUS;
			List<String> members = members("region:club", amber);
			// actors tied to a member: the outsiders sharing an instrument, and the region itself (membership)
			Set<String> tied = new TreeSet<>();
			List<String[]> party = visibleTies(RelType.PARTY_TO, amber);
			for (String m : members) {
				for (String[] t : party) {
					if (t[0].equals(m)) {
						party.stream().filter((u) -> u[2].equals(t[2]) && !u[0].equals(m)).forEach((u) -> tied.add(u[0]));
					}
				}
				tied.add("region:club");
			}
			List<String> organisations = nodeTlp.keySet()
				.stream()
				.filter((id) -> id.startsWith("org:") && visible(id, amber) && !tied.contains(id))
				.sorted()
				.toList();
			ConnectionQueries.Untied untied = queries.untied(
					new ActorFilter(List.of(Label.ORGANISATION), null, null, null, null, null), CLUB, null, 500, caller);
			assertThat(untied.cut()).isFalse();
			assertThat(untied.actors()).extracting(Entity::id).as(caller.toString()).isEqualTo(organisations);
			// members untied from one outsider: all but the one it shares an instrument with
			List<String> notM1 = members.stream().filter((m) -> !m.equals("org:m1")).toList();
			assertThat(queries.untied(CLUB, new ActorFilter(null, List.of("org:n0"), null, null, null, null), null, 500,
					caller).actors()).extracting(Entity::id).isEqualTo(notM1);
		}
	}

}
