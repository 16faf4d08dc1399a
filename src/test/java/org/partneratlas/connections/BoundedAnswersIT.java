package org.partneratlas.connections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
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
 * The work budgets of the questions over ties (issue 13: no request may hold a core for more than 2 s at L): common
 * partners and untied actors refuse past their budget (a partial ranking or list would be wrong), a coverage matrix
 * stops at its last whole row and says so. On a generated graph with a hub instrument (40 visible parties, 30 hidden
 * AMBER ones) and small instruments, against an oracle computed here from the visible ties. Budgets are numbers of
 * visible rows, so every expectation is exact: one row under the need is cut, the need itself is not, and the answer
 * within the budget equals the oracle's. Hidden rows never count: the same budget that fits an anonymous caller
 * cuts an AMBER one, who sees the hidden parties.
 */
class BoundedAnswersIT {

	static final String KIND = "cooperation-line";

	static ConnectionQueries queries;

	/** Instrument id to its visible (CLEAR) parties; the hidden parties are kept apart. */
	static final Map<String, Set<String>> visibleParties = new TreeMap<>();

	static final Map<String, Set<String>> allParties = new TreeMap<>();

	static final Set<String> visibleOrgs = new TreeSet<>();

	@BeforeAll
	static void graph() {
		queries = new ConnectionQueries(Fixtures.load("generated-bounded-answers", BoundedAnswersIT::generate));
		if (visibleOrgs.isEmpty()) {
			generate(); // the fixture was already loaded by an earlier class: the oracle still needs the graph
		}
	}

	static CuratedGraph generate() {
		visibleParties.clear();
		allParties.clear();
		visibleOrgs.clear();
		Random random = new Random(13);
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> ties = new ArrayList<>();
		nodes.add(node("instrument:hub", Label.INSTRUMENT, KIND, Tlp.CLEAR));
		for (int i = 0; i < 60; i++) {
			nodes.add(node("org:v" + i, Label.ORGANISATION, "association", Tlp.CLEAR));
			visibleOrgs.add("org:v" + i);
			if (i < 40) {
				ties.add(tie("org:v" + i, "instrument:hub", true));
			}
		}
		for (int i = 0; i < 30; i++) {
			nodes.add(node("org:h" + i, Label.ORGANISATION, "association", Tlp.AMBER));
			ties.add(tie("org:h" + i, "instrument:hub", false));
		}
		for (int i = 0; i < 20; i++) {
			String id = "instrument:s" + i;
			nodes.add(node(id, Label.INSTRUMENT, KIND, Tlp.CLEAR));
			Set<String> parties = new LinkedHashSet<>();
			for (int p = 0; p < 3; p++) {
				parties.add("org:v" + (30 + random.nextInt(30)));
			}
			parties.forEach((party) -> ties.add(tie(party, id, true)));
		}
		return new CuratedGraph(nodes, ties);
	}

	static Map<String, Object> node(String id, Label label, String kind, Tlp tlp) {
		return Map.of("id", id, "labels", label.graphLabels(), "props",
				Map.of("name", id, "kind", kind, "tlp", tlp.toString(), "tlpLevel", tlp.level(), "access",
						Visibility.accessOf(tlp, null, List.of()), "sourceIds", List.of("source:generated"),
						"sourceLocators", List.of("generator")));
	}

	static Map<String, Object> tie(String from, String to, boolean visible) {
		allParties.computeIfAbsent(to, (k) -> new TreeSet<>()).add(from);
		if (visible) {
			visibleParties.computeIfAbsent(to, (k) -> new TreeSet<>()).add(from);
		}
		String id = Edge.idOf(from, RelType.PARTY_TO, to, null);
		Map<String, Object> props = new HashMap<>(Map.of("id", id, "tlp", "CLEAR", "tlpLevel", 0, "access",
				Visibility.accessOf(Tlp.CLEAR, null, List.of()), "sourceIds", List.of("source:generated"),
				"sourceLocators", List.of("generator")));
		// a start year a party (hidden parties' years fall between visible ones'), for the bounded timeline
		int year = startYear(from);
		props.put("start", String.valueOf(year));
		props.put("startFrom", java.time.LocalDate.of(year, 1, 1));
		props.put("startTo", java.time.LocalDate.of(year, 12, 31));
		return Map.of("id", id, "from", from, "type", RelType.PARTY_TO.name(), "to", to, "props", props);
	}

	static int startYear(String party) {
		int n = Integer.parseInt(party.substring("org:v".length()));
		return party.startsWith("org:v") ? 1910 + n : 1905 + 2 * n;
	}

	// ---- the oracle, over the visible ties

	/** The (end, instrument, partner) rows a walk from {@code ends} reads: partners other than the ends. */
	static int twoHopRows(Map<String, Set<String>> parties, Set<String> ends) {
		int rows = 0;
		for (String end : ends) {
			for (Set<String> party : parties.values()) {
				if (party.contains(end)) {
					rows += (int) party.stream().filter((x) -> !ends.contains(x)).count();
				}
			}
		}
		return rows;
	}

	/** Partner to the number of instruments it shares with a and with b, for partners shared with both. */
	static Map<String, int[]> commonPartners(String a, String b) {
		Map<String, int[]> counts = new TreeMap<>();
		for (Set<String> party : visibleParties.values()) {
			for (String x : party) {
				if (!x.equals(a) && !x.equals(b)) {
					int[] c = counts.computeIfAbsent(x, (k) -> new int[2]);
					c[0] += party.contains(a) ? 1 : 0;
					c[1] += party.contains(b) ? 1 : 0;
				}
			}
		}
		counts.values().removeIf((c) -> c[0] == 0 || c[1] == 0);
		return counts;
	}

	/** An organisation that is no party to the hub but has common partners with {@code a}, a hub party. */
	static String pairedWithHubParty(String a) {
		for (int i = 40; i < 60; i++) {
			if (!commonPartners(a, "org:v" + i).isEmpty()) {
				return "org:v" + i;
			}
		}
		throw new IllegalStateException("the generated graph has no such pair");
	}

	static Set<String> tiedTo(String other) {
		Set<String> tied = new TreeSet<>();
		visibleParties.values().stream().filter((p) -> p.contains(other)).forEach(tied::addAll);
		tied.remove(other);
		return tied;
	}

	@Test
	void commonPartnersAnswerExactlyWithinTheBudgetAndRefuseOneRowShortOfIt() {
		String a = "org:v3";
		String b = pairedWithHubParty(a);
		int need = twoHopRows(visibleParties, Set.of(a, b));
		assertThat(need).as("the pair's walk reads the hub's parties").isGreaterThan(40);
		Map<String, int[]> expected = commonPartners(a, b);
		assertThat(expected).isNotEmpty();
		for (int budget : new int[] { need, ConnectionQueries.TIE_BUDGET }) {
			ConnectionQueries.CommonPartners answer = queries.commonPartners(a, b, null, 500, Visibility.ANONYMOUS,
					budget);
			assertThat(answer.cut()).as("budget " + budget).isFalse();
			Map<String, int[]> actual = new TreeMap<>();
			answer.partners()
				.forEach((p) -> actual.put(p.partner().id(), new int[] { p.throughA().size(), p.throughB().size() }));
			assertThat(actual.keySet()).as("budget " + budget).isEqualTo(expected.keySet());
			expected.forEach((x, c) -> assertThat(actual.get(x)).as(x).containsExactly(c));
		}
		ConnectionQueries.CommonPartners cut = queries.commonPartners(a, b, null, 500, Visibility.ANONYMOUS, need - 1);
		assertThat(cut.cut()).isTrue();
		assertThat(cut.partners()).as("no partial ranking").isEmpty();
	}

	@Test
	void commonPartnersCountVisibleTiesOnlySoHiddenOnesCannotBeInferred() {
		String a = "org:v3";
		String b = pairedWithHubParty(a);
		int need = twoHopRows(visibleParties, Set.of(a, b));
		assertThat(queries.commonPartners(a, b, null, 500, Visibility.ANONYMOUS, need).cut()).isFalse();
		// an AMBER caller sees the 30 hidden parties of the hub too: the same budget is cut for them
		int amberNeed = twoHopRows(allParties, Set.of(a, b));
		assertThat(amberNeed).isEqualTo(need + 30);
		Visibility amber = Visibility.clearedFor(Tlp.AMBER);
		assertThat(queries.commonPartners(a, b, null, 500, amber, need).cut()).isTrue();
		assertThat(queries.commonPartners(a, b, null, 500, amber, amberNeed).cut()).isFalse();
	}

	@Test
	void untiedAnswersExactlyWithinTheBudgetAndRefusesOneRowShortOfIt() {
		ActorFilter organisations = new ActorFilter(List.of(Label.ORGANISATION), null, null, null, null, null);
		ActorFilter fromHubParty = new ActorFilter(null, List.of("org:v7"), null, null, null, null);
		int need = twoHopRows(visibleParties, Set.of("org:v7"));
		Set<String> tied = tiedTo("org:v7");
		List<String> expected = visibleOrgs.stream().filter((o) -> !tied.contains(o)).sorted().toList();
		assertThat(expected).isNotEmpty().hasSizeLessThan(visibleOrgs.size());
		for (int budget : new int[] { need, ConnectionQueries.TIE_BUDGET }) {
			ConnectionQueries.Untied answer = queries.untied(organisations, fromHubParty, null, 500,
					Visibility.ANONYMOUS, budget);
			assertThat(answer.cut()).as("budget " + budget).isFalse();
			assertThat(answer.actors()).extracting(Entity::id).as("budget " + budget).isEqualTo(expected);
		}
		ConnectionQueries.Untied cut = queries.untied(organisations, fromHubParty, null, 500, Visibility.ANONYMOUS,
				need - 1);
		assertThat(cut.cut()).isTrue();
		assertThat(cut.actors()).as("no list from part of the ties").isEmpty();
		// hidden parties never count: the anonymous need cuts an AMBER caller, who reads 30 more rows
		Visibility amber = Visibility.clearedFor(Tlp.AMBER);
		assertThat(queries.untied(organisations, fromHubParty, null, 500, amber, need).cut()).isTrue();
		assertThat(queries.untied(organisations, fromHubParty, null, 500, amber, need + 30).cut()).isFalse();
	}

	@Test
	void coverageStopsAtItsLastWholeRowAndSaysSo() {
		ActorFilter organisations = new ActorFilter(List.of(Label.ORGANISATION), null, null, null, null, null);
		// the oracle: per visible organisation, by name, its visible instruments of the kind
		Map<String, List<String>> expected = new LinkedHashMap<>();
		visibleOrgs.stream().sorted().forEach((o) -> expected.put(o, visibleParties.entrySet()
			.stream()
			.filter((e) -> e.getValue().contains(o))
			.map(Map.Entry::getKey)
			.sorted()
			.toList()));
		int need = expected.values().stream().mapToInt((held) -> Math.max(1, held.size())).sum();
		Coverage whole = queries.coverage(organisations, List.of(KIND), null, 500, Visibility.ANONYMOUS, need);
		assertThat(whole.cut()).isFalse();
		assertThat(whole.truncated()).isFalse();
		assertThat(whole.message()).isNull();
		assertThat(rows(whole)).isEqualTo(expected);
		assertThat(rows(queries.coverage(organisations, List.of(KIND), null, 500, Visibility.ANONYMOUS,
				ConnectionQueries.COVERAGE_BUDGET))).isEqualTo(expected);
		for (int budget : new int[] { need - 1, need / 2, 3 }) {
			Coverage cut = queries.coverage(organisations, List.of(KIND), null, 500, Visibility.ANONYMOUS, budget);
			assertThat(cut.cut()).as("budget " + budget).isTrue();
			assertThat(cut.truncated()).isTrue();
			assertThat(cut.message()).contains("work budget");
			Map<String, List<String>> got = rows(cut);
			assertThat(got.size()).as("budget " + budget).isLessThan(expected.size());
			// a prefix of the oracle's rows, each whole, and as many as fit the budget
			List<String> names = new ArrayList<>(expected.keySet());
			assertThat(new ArrayList<>(got.keySet())).isEqualTo(names.subList(0, got.size()));
			got.forEach((actor, held) -> assertThat(held).as(actor).isEqualTo(expected.get(actor)));
			int used = got.values().stream().mapToInt((held) -> Math.max(1, held.size())).sum();
			assertThat(used).isLessThanOrEqualTo(budget);
			int next = Math.max(1, expected.get(names.get(got.size())).size());
			assertThat(used + next).as("the next row would not have fitted whole").isGreaterThan(budget);
		}
	}

	@Test
	void timelineAnswersTheFirstEventsAndCountsTheRestOfTheVisibleOnes() {
		for (Visibility caller : List.of(Visibility.ANONYMOUS, Visibility.clearedFor(Tlp.AMBER))) {
			Map<String, Set<String>> parties = caller.equals(Visibility.ANONYMOUS) ? visibleParties : allParties;
			List<String> expected = parties.get("instrument:hub")
				.stream()
				.sorted(java.util.Comparator.comparing(BoundedAnswersIT::startYear))
				.map((p) -> String.valueOf(startYear(p)) + " " + p)
				.toList();
			for (int first : new int[] { 1, 10, expected.size(), Timeline.MAX_FIRST }) {
				Timeline timeline = queries.timeline("instrument:hub", first, caller).orElseThrow();
				List<String> firsts = expected.subList(0, Math.min(first, expected.size()));
				assertThat(timeline.events()).extracting((e) -> e.date() + " " + e.node().id())
					.as(caller + " first " + first)
					.isEqualTo(firsts);
				assertThat(timeline.omittedEvents()).isEqualTo(expected.size() - firsts.size());
				assertThat(timeline.truncated()).isEqualTo(first < expected.size());
			}
		}
		// the anonymous caller's count is of the 40 visible parties, never the 70 an AMBER caller sees
		assertThat(queries.timeline("instrument:hub", 10, Visibility.ANONYMOUS).orElseThrow().omittedEvents())
			.isEqualTo(30);
	}

	@Test
	void connectionsListTheFirstSharedTiesByNameAndCountTheRest() {
		// the pair of hub parties sharing the most instruments (the hub and some small ones)
		List<String> shared = List.of();
		String a = null;
		String b = null;
		for (int x = 30; x < 40; x++) {
			for (int y = x + 1; y < 40; y++) {
				String px = "org:v" + x;
				String py = "org:v" + y;
				List<String> both = visibleParties.entrySet()
					.stream()
					.filter((e) -> e.getValue().contains(px) && e.getValue().contains(py))
					.map(Map.Entry::getKey)
					.sorted()
					.toList();
				if (both.size() > shared.size()) {
					shared = both;
					a = px;
					b = py;
				}
			}
		}
		assertThat(shared).hasSizeGreaterThan(1);
		for (int limit : new int[] { 1, shared.size(), Connections.MAX_LIMIT }) {
			Connections connections = queries.connections(a, b, null, limit, Visibility.ANONYMOUS).orElseThrow();
			assertThat(connections.direct()).isEmpty();
			List<String> firsts = shared.subList(0, Math.min(limit, shared.size()));
			assertThat(connections.through()).extracting((t) -> t.via().id()).isEqualTo(firsts);
			assertThat(connections.omittedThrough()).isEqualTo(shared.size() - firsts.size());
			assertThat(connections.truncated()).isEqualTo(limit < shared.size());
		}
	}

	static Map<String, List<String>> rows(Coverage coverage) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		coverage.rows()
			.forEach((r) -> rows.put(r.actor().id(),
					r.cells().get(0).instruments().stream().map((h) -> h.instrument().id()).sorted().toList()));
		return rows;
	}

}
