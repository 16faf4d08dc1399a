package org.partneratlas.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Edge;
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
 * The bounds of a hub's profile and of the listings anchored on a party or group (issue 13 §2: no request may hold a
 * core for more than 2 s at L), against an oracle worked out here. A hub organisation is party to 30 visible
 * instruments (instrument {@code i} has {@code i % 6} other visible parties and {@code i % 3} hidden AMBER ones), to 5
 * instruments through hidden AMBER ties, and to 5 hidden AMBER instruments; a region has 12 visible members and 4
 * hidden ones. Limits and budgets count visible items only: what an anonymous caller is told is the same whatever is
 * hidden, and an AMBER caller, who sees more, is told more.
 */
class BoundedProfileIT {

	static CatalogueQueries queries;

	static GraphReads reads;

	static final Visibility AMBER = Visibility.clearedFor(Tlp.AMBER);

	@BeforeAll
	static void graph() {
		reads = Fixtures.load("generated-bounded-profile", BoundedProfileIT::generate);
		queries = new CatalogueQueries(reads);
	}

	static CuratedGraph generate() {
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> ties = new ArrayList<>();
		nodes.add(node("org:hub", Label.ORGANISATION, Tlp.CLEAR));
		nodes.add(node("region:club", Label.REGION, Tlp.CLEAR));
		for (int p = 0; p < 8; p++) {
			nodes.add(node("org:v" + p, Label.ORGANISATION, Tlp.CLEAR));
			nodes.add(node("org:h" + p, Label.ORGANISATION, Tlp.AMBER));
		}
		for (int i = 0; i < 40; i++) {
			String id = String.format("instrument:i%02d", i);
			nodes.add(node(id, Label.INSTRUMENT, (i < 35) ? Tlp.CLEAR : Tlp.AMBER));
			ties.add(tie("org:hub", RelType.PARTY_TO, id, (i < 30) ? Tlp.CLEAR : Tlp.AMBER));
			for (int p = 0; p < i % 6; p++) {
				ties.add(tie("org:v" + p, RelType.PARTY_TO, id, Tlp.CLEAR));
			}
			for (int p = 0; p < i % 3; p++) {
				ties.add(tie("org:h" + p, RelType.PARTY_TO, id, Tlp.CLEAR));
			}
		}
		for (int m = 0; m < 8; m++) {
			ties.add(tie("org:v" + m, RelType.MEMBER_OF, "region:club", Tlp.CLEAR));
			ties.add(tie("org:h" + m, RelType.MEMBER_OF, "region:club", Tlp.CLEAR)); // hidden by its member
		}
		for (int m = 0; m < 4; m++) {
			nodes.add(node("org:w" + m, Label.ORGANISATION, Tlp.CLEAR));
			ties.add(tie("org:w" + m, RelType.MEMBER_OF, "region:club", Tlp.CLEAR));
			nodes.add(node("org:x" + m, Label.ORGANISATION, Tlp.CLEAR));
			ties.add(tie("org:x" + m, RelType.MEMBER_OF, "region:club", Tlp.AMBER)); // a hidden membership
		}
		return new CuratedGraph(nodes, ties);
	}

	static Map<String, Object> node(String id, Label label, Tlp tlp) {
		return Map.of("id", id, "labels", label.graphLabels(), "props",
				Map.of("name", id, "kind", label.isActor() ? "association" : "cooperation-line", "tlp",
						tlp.toString(), "tlpLevel", tlp.level(), "access", Visibility.accessOf(tlp, null, List.of()),
						"sourceIds", List.of("source:generated"), "sourceLocators", List.of("generator")));
	}

	static Map<String, Object> tie(String from, RelType type, String to, Tlp tlp) {
		String id = Edge.idOf(from, type, to, null);
		Map<String, Object> props = new HashMap<>(Map.of("id", id, "tlp", tlp.toString(), "tlpLevel", tlp.level(),
				"access", Visibility.accessOf(tlp, null, List.of()), "sourceIds", List.of("source:generated"),
				"sourceLocators", List.of("generator")));
		return Map.of("id", id, "from", from, "type", type.name(), "to", to, "props", props);
	}

	/** The oracle: the hub's visible instruments, by name, each with its number of visible counterparts. */
	static Map<String, Integer> hubTies(boolean amber) {
		Map<String, Integer> ties = new TreeMap<>();
		for (int i = 0; i < 40; i++) {
			if (i < 30 || amber) {
				ties.put(String.format("instrument:i%02d", i), i % 6 + (amber ? i % 3 : 0));
			}
		}
		return ties;
	}

	/** Counterpart rows the first {@code limit} ties read: one a counterpart, one for a tie with none. */
	static int rows(Map<String, Integer> ties, int limit) {
		return ties.values().stream().limit(limit).mapToInt((c) -> Math.max(1, c)).sum();
	}

	@Test
	void profileAnswersTheFirstTiesAndCountsEveryVisibleOneExactly() {
		for (boolean amber : new boolean[] { false, true }) {
			Visibility caller = amber ? AMBER : Visibility.ANONYMOUS;
			Map<String, Integer> expected = hubTies(amber);
			for (int limit : new int[] { 1, 7, 30, 1000 }) {
				Profile profile = queries.profile("org:hub", limit, caller, Profile.COUNTERPART_BUDGET).orElseThrow();
				List<String> first = new ArrayList<>(expected.keySet()).subList(0, Math.min(limit, expected.size()));
				assertThat(profile.ties()).extracting((t) -> t.other().id()).as(caller + " limit " + limit)
					.isEqualTo(first);
				profile.ties()
					.forEach((t) -> assertThat(t.counterpartCount()).as(t.other().id())
						.isEqualTo(expected.get(t.other().id())));
				assertThat(profile.cut()).isFalse();
				assertThat(profile.message()).isNull();
				assertThat(profile.omittedTies()).isEqualTo(expected.size() - first.size());
				assertThat(profile.truncated()).isEqualTo(expected.size() > limit);
				assertThat(profile.summary()).containsExactly(
						new Profile.TieCount(RelType.PARTY_TO, Profile.Direction.OUT, expected.size()));
			}
		}
	}

	@Test
	void profileStopsAtItsLastWholeTieWithinTheCounterpartBudget() {
		Map<String, Integer> visible = hubTies(false);
		List<String> names = new ArrayList<>(visible.keySet());
		int need = rows(visible, 30);
		Profile whole = queries.profile("org:hub", 30, Visibility.ANONYMOUS, need).orElseThrow();
		assertThat(whole.cut()).isFalse();
		assertThat(whole.ties()).hasSize(30);
		for (int budget : new int[] { need - 1, need / 2, 1 }) {
			Profile cut = queries.profile("org:hub", 30, Visibility.ANONYMOUS, budget).orElseThrow();
			assertThat(cut.cut()).as("budget " + budget).isTrue();
			assertThat(cut.truncated()).isTrue();
			assertThat(cut.message()).contains("work budget");
			int shown = cut.ties().size();
			assertThat(cut.ties()).extracting((t) -> t.other().id()).isEqualTo(names.subList(0, shown));
			// each tie answered is whole, and as many as fit the budget
			cut.ties().forEach((t) -> assertThat(t.counterpartCount()).isEqualTo(visible.get(t.other().id())));
			assertThat(rows(visible, shown)).isLessThanOrEqualTo(budget);
			assertThat(rows(visible, shown + 1)).as("the next tie would not have fitted whole").isGreaterThan(budget);
			assertThat(cut.omittedTies()).isEqualTo(30 - shown);
		}
		// hidden counterparts never count: the anonymous need cuts an AMBER caller, who reads the hidden parties too
		assertThat(queries.profile("org:hub", 30, AMBER, need).orElseThrow().cut()).isTrue();
		assertThat(queries.profile("org:hub", 30, AMBER, rows(hubTies(true), 30)).orElseThrow().cut()).isFalse();
	}

	@Test
	void anchoredListingsExpandFromThePartyOrGroupAndCountVisibleOnes() {
		Map<String, Object> byParty = new HashMap<>();
		byParty.put("party", "org:hub");
		Map<String, Object> byGroup = new HashMap<>();
		byGroup.put("memberOf", "region:club");
		Cursor.Sealer sealer = new Cursor.Sealer("bounded");
		for (boolean amber : new boolean[] { false, true }) {
			Visibility caller = amber ? AMBER : Visibility.ANONYMOUS;
			List<String> instruments = new ArrayList<>(hubTies(amber).keySet());
			List<String> members = new ArrayList<>();
			for (int m = 0; m < 8; m++) {
				members.add("org:v" + m);
				if (amber) {
					members.add("org:h" + m);
				}
			}
			for (int m = 0; m < 4; m++) {
				members.add("org:w" + m);
				if (amber) {
					members.add("org:x" + m);
				}
			}
			members.sort(null);
			assertThat(pages(Label.INSTRUMENT, byParty, sealer, caller)).as(caller.toString()).isEqualTo(instruments);
			assertThat(pages(Label.ORGANISATION, byGroup, sealer, caller)).as(caller.toString()).isEqualTo(members);
			assertThat(queries.count(Listing.of(List.of(Label.INSTRUMENT), byParty, 5, null, null, null, sealer, caller),
					caller))
				.isEqualTo(instruments.size());
			assertThat(queries.count(
					Listing.of(List.of(Label.ORGANISATION), byGroup, null, null, 5, null, sealer, caller), caller))
				.isEqualTo(members.size());
			// backward from the end: the last page
			List<Entity> last = queries
				.page(Listing.of(List.of(Label.ORGANISATION), byGroup, null, null, 3, null, sealer, caller), caller)
				.nodes();
			assertThat(last).extracting(Entity::id).isEqualTo(members.subList(members.size() - 3, members.size()));
		}
		// a missing or hidden anchor lists nothing and counts nothing
		Map<String, Object> hidden = new HashMap<>();
		hidden.put("party", "org:h0");
		assertThat(pages(Label.INSTRUMENT, hidden, sealer, Visibility.ANONYMOUS)).isEmpty();
		assertThat(pages(Label.INSTRUMENT, hidden, sealer, AMBER)).isNotEmpty();
	}

	/** Every node of a listing, paged forward five at a time with its cursors. */
	static List<String> pages(Label label, Map<String, Object> filters, Cursor.Sealer sealer, Visibility caller) {
		List<String> all = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 20; page++) {
			Listing listing = Listing.of(List.of(label), filters, 5, after, null, null, sealer, caller);
			CatalogueQueries.Page answer = queries.page(listing, caller);
			answer.nodes().forEach((n) -> all.add(n.id()));
			if (!answer.more()) {
				return all;
			}
			Entity lastNode = answer.nodes().getLast();
			after = new Cursor(lastNode.name(), lastNode.id()).encode(sealer, listing.scope());
		}
		throw new IllegalStateException("more than 20 pages");
	}

}
