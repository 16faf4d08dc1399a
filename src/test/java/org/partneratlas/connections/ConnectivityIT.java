package org.partneratlas.connections;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paths, shares, gaps, coverage, untied actors and timelines on a hand-made graph whose answers are known
 * ({@code src/test/resources/fixtures/connectivity/graph.yaml}), for an anonymous and for a RED-cleared caller.
 */
class ConnectivityIT {

	static final Visibility ANONYMOUS = Visibility.ANONYMOUS;

	static final Visibility RED = new Visibility(Tlp.RED, null, java.util.Set.of("group:secret"));

	static ConnectionQueries queries;

	static ConnectionController controller;

	@BeforeAll
	static void graph() {
		GraphReads reads = Fixtures.load("connectivity");
		queries = new ConnectionQueries(reads);
		controller = new ConnectionController(queries, reads, new org.partneratlas.graph.ExpensiveWork(0, java.time.Duration.ofSeconds(2)));
	}

	static List<List<String>> ids(List<Path> paths) {
		return paths.stream().map((p) -> p.nodes().stream().map(Entity::id).toList()).toList();
	}

	Paths paths(String from, String to, int k, int maxHops, ConnectionQueries.PathFilter only, String asOf,
			Visibility visibility) {
		return controller.paths(from, to, k, maxHops, only, asOf, visibility).orElseThrow();
	}

	@Test
	void findsEveryShortestWayFromEcsoToIndia() {
		Paths answer = paths("org:ecso", "country:IN", 10, 6, null, null, ANONYMOUS);
		assertThat(ids(answer.paths())).containsExactlyInAnyOrder(
				List.of("org:ecso", "institution:eeas", "union:eu", "instrument:ttc-in", "country:IN"),
				List.of("org:ecso", "institution:eeas", "union:eu", "instrument:cd-in", "country:IN"));
		assertThat(answer.found()).isTrue();
		assertThat(answer.message()).isNull();
	}

	@Test
	void readsAPathAsStepsThroughInstrumentsWithRoles() {
		Path path = paths("org:ecso", "country:IN", 1, 6, new ConnectionQueries.PathFilter(
				List.of("trade-and-technology-council"), null, null, null, null), null, ANONYMOUS)
			.paths()
			.getFirst();
		List<Path.Step> steps = path.steps();
		assertThat(steps).extracting((s) -> s.from().id()).containsExactly("org:ecso", "institution:eeas", "union:eu");
		assertThat(steps).extracting((s) -> s.to().id())
			.containsExactly("institution:eeas", "union:eu", "country:IN");
		assertThat(steps.get(0).via()).isNull();
		assertThat(steps.get(2).via().id()).isEqualTo("instrument:ttc-in");
		assertThat(steps.get(2).fromRole()).isEqualTo("party");
		assertThat(steps.get(2).toRole()).isEqualTo("partner");
		assertThat(steps.get(2).edges()).hasSize(2).allSatisfy((e) -> assertThat(e.sources()).isNotEmpty());
	}

	@Test
	void neverCrossesAHiddenBridgeButACleardCallerDoes() {
		assertThat(ids(paths("org:ecso", "country:IN", 10, 6, null, null, ANONYMOUS).paths()))
			.noneMatch((p) -> p.contains("instrument:secret-in"));
		assertThat(ids(paths("org:ecso", "country:IN", 1, 6, null, null, RED).paths())).containsExactly(
				List.of("org:ecso", "instrument:secret-in", "country:IN"));
	}

	@Test
	void redClearanceAloneDoesNotReachRedData() {
		Visibility clearedOnly = Visibility.clearedFor(Tlp.RED);
		assertThat(ids(paths("org:ecso", "country:IN", 10, 6, null, null, clearedOnly).paths()))
			.noneMatch((p) -> p.contains("instrument:secret-in"));
		assertThat(controller.paths("org:ecso", "instrument:secret-in", 3, 4, null, null, clearedOnly)).isEmpty();
	}

	@Test
	void keepsToTheInstrumentKindsAndAvoidsWhatItIsTold() {
		var onlyCyber = new ConnectionQueries.PathFilter(List.of("cyber-dialogue"), null, null, null, null);
		assertThat(ids(paths("org:ecso", "country:IN", 10, 6, onlyCyber, null, ANONYMOUS).paths()))
			.containsExactly(List.of("org:ecso", "institution:eeas", "union:eu", "instrument:cd-in", "country:IN"));
		var avoidTtc = new ConnectionQueries.PathFilter(null, null, null, null, List.of("instrument:ttc-in"));
		assertThat(ids(paths("org:ecso", "country:IN", 10, 6, avoidTtc, null, ANONYMOUS).paths())).hasSize(1);
		var onlyCountries = new ConnectionQueries.PathFilter(null, null, null, List.of(Label.COUNTRY), null);
		assertThat(paths("org:ecso", "country:IN", 10, 6, onlyCountries, null, ANONYMOUS).paths()).isEmpty();
	}

	@Test
	void crossesOnlyInstrumentsOnTheTopicsAsked() {
		var cyber = new ConnectionQueries.PathFilter(null, null, List.of("topic:cyber"), null, null);
		assertThat(ids(paths("org:ecso", "country:IN", 10, 6, cyber, null, ANONYMOUS).paths()))
			.containsExactly(List.of("org:ecso", "institution:eeas", "union:eu", "instrument:cd-in", "country:IN"));
		var noCyber = new ConnectionQueries.PathFilter(null, List.of("cyber-dialogue"), null, null, null);
		assertThat(ids(paths("org:ecso", "country:IN", 10, 6, noCyber, null, ANONYMOUS).paths()))
			.containsExactly(List.of("org:ecso", "institution:eeas", "union:eu", "instrument:ttc-in", "country:IN"));
	}

	@Test
	void findsMembersOfARegionWithNoInstrumentOfAKind() {
		ActorFilter east = new ActorFilter(null, null, null, "region:east", null, null);
		assertThat(queries.gaps(east, List.of(), List.of("security-defence-partnership"), null, 100, ANONYMOUS))
			.extracting((g) -> g.actor().id())
			.containsExactly("country:SG");
		assertThat(queries.gaps(east, List.of(), List.of("cyber-dialogue"), null, 100, ANONYMOUS))
			.extracting((g) -> g.actor().id())
			.containsExactly("country:SG", "country:KR");
	}

	@Test
	void countsOnlyTiesValidAtTheDateAsked() {
		assertThat(ids(paths("org:ecso", "country:IN", 10, 6, null, "2023-06-01", ANONYMOUS).paths()))
			.containsExactly(List.of("org:ecso", "institution:eeas", "union:eu", "instrument:ttc-in", "country:IN"));
		Paths none = paths("org:ecso", "country:IN", 10, 6, null, "2022-01-01", ANONYMOUS);
		assertThat(none.found()).isFalse();
		assertThat(none.message())
			.isEqualTo("No path of at most 6 relationships between org:ecso and country:IN with these restrictions");
	}

	@Test
	void returnsAtMostKPathsShortestFirstWithinTheHopLimit() {
		// JP reaches BR through any of its 3 instruments, then through BELLA (FUNDS, LANDS_IN) or the digital dialogue
		List<Path> all = paths("country:JP", "country:BR", 10, 4, null, null, ANONYMOUS).paths();
		assertThat(all).hasSize(6).allSatisfy((p) -> assertThat(p.length()).isEqualTo(4));
		assertThat(paths("country:JP", "country:BR", 2, 4, null, null, ANONYMOUS).paths()).hasSize(2);
		assertThat(paths("country:JP", "country:BR", 10, 3, null, null, ANONYMOUS).paths()).isEmpty();
		// mid-2022: the security and defence partnership had not started, the digital dialogue had ended
		assertThat(ids(paths("country:JP", "country:BR", 10, 4, null, "2022-06-01", ANONYMOUS).paths()))
			.allMatch((p) -> p.contains("cable:bella") && !p.contains("instrument:sdp-jp"))
			.hasSize(2);
	}

	@Test
	void aHiddenOrMissingEndHasNoAnswerAndBadLimitsAreRefused() {
		assertThat(controller.paths("org:ecso", "instrument:secret-in", 3, 4, null, null, ANONYMOUS)).isEmpty();
		assertThat(controller.paths("org:ecso", "org:nothing", 3, 4, null, null, ANONYMOUS)).isEmpty();
		assertThatThrownBy(() -> controller.paths("org:ecso", "country:IN", 11, 4, null, null, ANONYMOUS))
			.isInstanceOf(BadRequestException.class).hasMessage("'k' must be between 1 and 10, not 11");
		assertThatThrownBy(() -> controller.paths("org:ecso", "country:IN", 3, 7, null, null, ANONYMOUS))
			.isInstanceOf(BadRequestException.class).hasMessage("'maxHops' must be between 1 and 6, not 7");
		assertThatThrownBy(() -> controller.paths("org:ecso", "country:IN", 3, 4, null, "last year", ANONYMOUS))
			.isInstanceOf(BadRequestException.class).hasMessageContaining("'asOf' must be a date");
	}

	@Test
	void findsTheInstrumentsTwoActorsShare() {
		Connections eu = queries.connections("union:eu", "country:KR", null, ANONYMOUS).orElseThrow();
		assertThat(eu.through()).extracting((t) -> t.via().id())
			.containsExactlyInAnyOrder("instrument:dp-kr", "instrument:sdp-kr", "instrument:dta-kr");
		Connections before = queries.connections("union:eu", "country:KR", LocalDate.of(2024, 1, 1), ANONYMOUS)
			.orElseThrow();
		assertThat(before.through()).extracting((t) -> t.via().id()).containsExactly("instrument:dp-kr");
	}

	@Test
	void findsTheActorsTiedToBothOfTwoActors() {
		List<CommonPartner> shared = queries.commonPartners("country:JP", "country:KR", null, 100, ANONYMOUS).partners();
		// most ties first: the EU through three instruments with each, the region East through membership
		assertThat(shared).extracting((c) -> c.partner().id()).containsExactly("union:eu", "region:east");
		assertThat(shared.getFirst().throughA()).extracting((t) -> t.via().id())
			.containsExactlyInAnyOrder("instrument:dp-jp", "instrument:cd-jp", "instrument:sdp-jp");
		List<CommonPartner> ecso = queries.commonPartners("org:ecso", "agency:eda", null, 100, ANONYMOUS).partners();
		assertThat(ecso).extracting((c) -> c.partner().id()).containsExactly("institution:eeas");
		assertThat(ecso.getFirst().throughA().getFirst().via()).isNull();
	}

	@Test
	void findsPartnersWithADigitalPartnershipButNoCyberDialogue() {
		assertThat(queries.gaps(ActorFilter.ALL, List.of("digital-partnership"), List.of("cyber-dialogue"), null, 100,
				ANONYMOUS))
			.extracting((g) -> g.actor().id())
			.containsExactly("country:SG", "country:KR"); // by name: Singapore, South Korea
		ActorFilter countries = new ActorFilter(List.of(Label.COUNTRY), null, null, null, null, null);
		assertThat(queries.gaps(countries, List.of("digital-partnership", "security-defence-partnership"),
				List.of(), null, 100, ANONYMOUS))
			.extracting((g) -> g.actor().id())
			.containsExactly("country:JP", "country:KR");
		assertThat(queries.gaps(ActorFilter.ALL, List.of("digital-partnership"), List.of("cyber-dialogue"),
				LocalDate.of(2022, 12, 1), 100, ANONYMOUS))
			.extracting((g) -> g.actor().id())
			.containsExactly("country:KR");
	}

	@Test
	void aHiddenInstrumentDoesNotCloseAGapForThoseWhoCannotSeeIt() {
		ActorFilter india = new ActorFilter(null, List.of("country:IN", "org:ecso"), null, null, null, null);
		assertThat(queries.gaps(india, List.of(), List.of("cyber-dialogue"), LocalDate.of(2023, 6, 1), 100, ANONYMOUS))
			.extracting((g) -> g.actor().id())
			.containsExactly("org:ecso", "country:IN");
		assertThat(queries.gaps(india, List.of(), List.of("cyber-dialogue"), LocalDate.of(2023, 6, 1), 100, RED))
			.isEmpty();
	}

	@Test
	void coverageIsAMatrixOfActorsAgainstKinds() {
		ActorFilter three = new ActorFilter(null, List.of("country:JP", "country:KR", "country:IN"), null, null, null,
				null);
		Coverage coverage = queries.coverage(three, List.of("digital-partnership", "cyber-dialogue"), null, 10,
				ANONYMOUS);
		assertThat(coverage.rows()).extracting((r) -> r.actor().id())
			.containsExactly("country:IN", "country:JP", "country:KR");
		assertThat(coverage.rows()).extracting(Coverage.Row::covered).containsExactly(1, 2, 1);
		Coverage.Row korea = coverage.rows().get(2);
		assertThat(korea.cells().get(0).instruments()).extracting((h) -> h.instrument().id())
			.containsExactly("instrument:dp-kr");
		assertThat(korea.cells().get(1).instruments()).isEmpty();
		assertThat(coverage.truncated()).isFalse();
		assertThat(queries.coverage(three, List.of("cyber-dialogue"), null, 2, ANONYMOUS).truncated()).isTrue();
	}

	@Test
	void findsCivilianActorsWithNoTieToADefenceActor() {
		ActorFilter civilian = new ActorFilter(null, null, null, null, null, List.of("civilian"));
		ActorFilter defence = new ActorFilter(null, null, null, null, null, List.of("defence"));
		assertThat(queries.untied(civilian, defence, null, 100, ANONYMOUS).actors()).extracting(Entity::id)
			.containsExactly("org:ecso", "agency:enisa");
	}

	@Test
	void timelineListsDatedEventsInOrder() {
		Timeline timeline = queries.timeline("country:KR", ANONYMOUS).orElseThrow();
		assertThat(timeline.events()).extracting((e) -> e.kind() + " " + e.date() + " " + e.node().id())
			.containsExactly("STARTED 2022-11 instrument:dp-kr", "STARTED 2024-11 instrument:sdp-kr",
					"STARTED 2025-03 instrument:dta-kr");
		Timeline brazil = queries.timeline("instrument:dd-br", ANONYMOUS).orElseThrow();
		assertThat(brazil.events()).extracting((e) -> e.kind() + " " + e.date())
			.containsExactly("STARTED 2019", "ENDED 2021");
		assertThat(queries.timeline("instrument:secret-in", ANONYMOUS)).isEmpty();
	}

}
