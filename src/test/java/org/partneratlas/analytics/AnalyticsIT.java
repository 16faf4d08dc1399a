package org.partneratlas.analytics;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Centrality, brokers and communities on the hand-made graph, where the projection and its scores can be worked out
 * by hand: the EU ties IN, JP, KR, SG and BR (instruments, a cable) and the EEAS (part of it); ECSO and EDA cooperate
 * with the EEAS; JP, KR and SG are members of the region East; ENISA is tied to no one; a RED instrument ties ECSO
 * to IN.
 */
class AnalyticsIT {

	static AnalyticsController controller;

	@BeforeAll
	static void graph() {
		GraphReads reads = Fixtures.load("connectivity");
		controller = new AnalyticsController(new AnalyticsQueries(reads), reads, Graphs.cache(), Graphs.WORK, Long.MAX_VALUE,
				Long.MAX_VALUE - 1);
	}

	static Map<String, Double> scores(List<AnalyticsController.Score> scores) {
		return scores.stream().collect(Collectors.toMap((s) -> s.node().id(), AnalyticsController.Score::score));
	}

	@Test
	void aProjectionOverItsWorkBudgetIsRefusedBeforeItIsReadAndOneWithinItAnswersUnchanged() {
		GraphReads reads = Fixtures.load("connectivity");
		AnalyticsQueries queries = new AnalyticsQueries(reads);
		long need = queries.projectionRows(org.partneratlas.graph.Label.actors(), null, null, Visibility.ANONYMOUS,
				1_000_000);
		assertThat(need).as("the curated fixture's visible actor ties").isBetween(10L, 1_000_000L);
		assertThat(queries.projectionRows(org.partneratlas.graph.Label.actors(), null, null, Visibility.ANONYMOUS, 5))
			.as("the count stops once over the budget")
			.isEqualTo(6);
		AnalyticsController fits = new AnalyticsController(queries, reads, Graphs.cache(), Graphs.WORK, Long.MAX_VALUE,
				need);
		for (AnalyticsController.Measure measure : AnalyticsController.Measure.values()) {
			assertThat(scores(fits.centrality(measure, null, null, null, 100, null, null, Visibility.ANONYMOUS)))
				.as(measure.name())
				.isEqualTo(scores(controller.centrality(measure, null, null, null, 100, null, null, Visibility.ANONYMOUS)));
		}
		AnalyticsController over = new AnalyticsController(queries, reads, Graphs.cache(), Graphs.WORK, Long.MAX_VALUE,
				need - 1);
		long statements = reads.statementCount();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> over.centrality(AnalyticsController.Measure.PAGERANK, null, null, null, 10, null,
					null, Visibility.ANONYMOUS))
			.isInstanceOf(org.partneratlas.graph.BadRequestException.class)
			.hasMessageContaining("more than " + (need - 1) + " visible ties")
			.hasMessageContaining("atlas.analytics.max-projection-rows")
			.hasMessageContaining("nothing was ranked");
		assertThat(reads.statementCount() - statements).as("only the count ran, not the projection").isEqualTo(1);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> over.communities(null, null, null, 1, Visibility.ANONYMOUS))
			.hasMessageContaining("atlas.analytics.max-projection-rows");
		// narrower labels fit the same budget: the refusal is about what is read, not about the question
		assertThat(over.centrality(AnalyticsController.Measure.DEGREE, List.of(org.partneratlas.graph.Label.COUNTRY),
				null, null, 10, null, null, Visibility.ANONYMOUS)).isNotNull();
	}

	@Test
	void theEuAndTheEeasBrokerEveryPathBetweenTheirSides() {
		List<AnalyticsController.Score> top = controller.centrality(AnalyticsController.Measure.BETWEENNESS, null, null,
				null, 10, null, null, Visibility.ANONYMOUS);
		// EU: 7 country pairs with IN or BR, half of JP-KR, JP-SG, KR-SG (East is the other route), the 3 x 6 pairs
		// between {EEAS, ECSO, EDA} and {IN, JP, KR, SG, BR, East}, and East with IN and BR: 7 + 1.5 + 18 + 2.
		// EEAS: ECSO-EDA, and ECSO or EDA with the 7 others (2 x 7). JP, KR, SG: a third of East's 6 pairs via the EU.
		// East: half of JP-KR, JP-SG, KR-SG.
		assertThat(scores(top)).containsExactlyInAnyOrderEntriesOf(Map.of("union:eu", 28.5, "institution:eeas", 15.0,
				"country:JP", 2.0, "country:KR", 2.0, "country:SG", 2.0, "region:east", 1.5));
		assertThat(top.getFirst().rank()).isEqualTo(1);
		assertThat(top.getFirst().node().id()).isEqualTo("union:eu");
	}

	@Test
	void degreeCountsDistinctPartnersThroughAnyTie() {
		Map<String, Double> degree = scores(controller.centrality(AnalyticsController.Measure.DEGREE, null, null, null,
				100, null, null, Visibility.ANONYMOUS));
		assertThat(degree).containsEntry("union:eu", 6.0)
			.containsEntry("institution:eeas", 3.0)
			.containsEntry("country:JP", 2.0)
			.containsEntry("country:IN", 1.0)
			.doesNotContainKey("agency:enisa");
	}

	@Test
	void aRedTieCountsOnlyForThoseClearedForIt() {
		Map<String, Double> anonymous = scores(controller.centrality(AnalyticsController.Measure.DEGREE, null, null,
				null, 100, null, null, Visibility.ANONYMOUS));
		Map<String, Double> red = scores(controller.centrality(AnalyticsController.Measure.DEGREE, null, null, null,
				100, null, null, new Visibility(Tlp.RED, null, java.util.Set.of("group:secret"))));
		assertThat(anonymous).containsEntry("org:ecso", 1.0).containsEntry("country:IN", 1.0);
		assertThat(red).containsEntry("org:ecso", 2.0).containsEntry("country:IN", 2.0);
	}

	@Test
	void pageRankSumsToOneAndFavoursTheHub() {
		List<AnalyticsController.Score> ranks = controller.centrality(AnalyticsController.Measure.PAGERANK, null, null,
				null, 100, null, null, Visibility.ANONYMOUS);
		assertThat(ranks.stream().mapToDouble(AnalyticsController.Score::score).sum()).isCloseTo(1.0, within(1e-9));
		assertThat(ranks.getFirst().node().id()).isEqualTo("union:eu");
	}

	@Test
	void asOfDropsTiesThatHadNotStarted() {
		Map<String, Double> early = scores(controller.centrality(AnalyticsController.Measure.DEGREE, null, null,
				"2022-06-01", 100, null, null, Visibility.ANONYMOUS));
		// only undated ties and those started by mid-2022: DP JP (2022-05), CD JP, BELLA, the EEAS; DD BR had ended
		assertThat(early).containsEntry("union:eu", 3.0).containsEntry("country:KR", 1.0).doesNotContainKey("country:IN");
	}

	@Test
	void brokersBetweenTwoGroupsAreThoseOnTheirShortestPaths() {
		ActorFilter japan = new ActorFilter(null, List.of("country:JP"), null, null, null, null);
		ActorFilter ecso = new ActorFilter(null, List.of("org:ecso"), null, null, null, null);
		ActorFilter india = new ActorFilter(null, List.of("country:IN"), null, null, null, null);
		assertThat(scores(controller.brokers(japan, india, null, null, null, 10, Visibility.ANONYMOUS)))
			.containsExactlyEntriesOf(Map.of("union:eu", 1.0));
		assertThat(scores(controller.brokers(ecso, india, null, null, null, 10, Visibility.ANONYMOUS)))
			.containsExactlyInAnyOrderEntriesOf(Map.of("union:eu", 1.0, "institution:eeas", 1.0));
		assertThat(controller.brokers(ecso, india, null, null, null, 10, new Visibility(Tlp.RED, null, java.util.Set.of("group:secret")))).isEmpty();
	}

	@Test
	void communitiesCoverTheTiedActorsOnce() {
		AnalyticsController.CommunityAnswer answer = controller.communities(null, null, null, 1, Visibility.ANONYMOUS);
		List<String> members = answer.communities()
			.stream()
			.flatMap((c) -> c.members().stream())
			.map((e) -> e.id())
			.toList();
		assertThat(members).doesNotHaveDuplicates()
			.containsExactlyInAnyOrder("union:eu", "institution:eeas", "org:ecso", "agency:eda", "country:IN",
					"country:JP", "country:KR", "country:SG", "country:BR", "region:east");
		assertThat(answer.modularity()).isBetween(-0.5, 1.0);
	}

	@Test
	void exactBetweennessOnAProjectionTooLargeForTheBudgetIsRefusedInWordsNeverRankedInPart() {
		// a budget of 3 passes over this 10-actor projection
		ActorGraph projection = new AnalyticsQueries(Fixtures.load("connectivity"))
			.projection(org.partneratlas.graph.Label.actors(), null, null, Visibility.ANONYMOUS);
		assertThat(projection.size()).isEqualTo(10);
		long pass = Centrality.work(projection, 1);
		AnalyticsController small = new AnalyticsController(new AnalyticsQueries(Fixtures.load("connectivity")),
				Fixtures.load("connectivity"), Graphs.cache(), Graphs.WORK, 3 * pass, Long.MAX_VALUE - 1);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> small.centrality(AnalyticsController.Measure.BETWEENNESS, null, null, null, 10,
					null, null, Visibility.ANONYMOUS))
			.isInstanceOf(org.partneratlas.graph.BadRequestException.class)
			.hasMessageContaining("too large")
			.hasMessageContaining("'samples: 3'")
			.hasMessageContaining("nothing was ranked");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> small.centrality(AnalyticsController.Measure.BETWEENNESS, null, null, null, 10, 4,
					null, Visibility.ANONYMOUS))
			.hasMessageContaining("at most 3 sampled sources fit, not 4");
		// what fits is answered, and says it is an estimate, of what, and how far off it may be
		List<AnalyticsController.Score> estimate = small.centrality(AnalyticsController.Measure.BETWEENNESS, null, null,
				null, 10, 3, 11, Visibility.ANONYMOUS);
		assertThat(estimate).isNotEmpty().allSatisfy((s) -> {
			assertThat(s.exact()).isFalse();
			assertThat(s.sample().sampledSources()).isEqualTo(3);
			assertThat(s.sample().actors()).isEqualTo(10);
			assertThat(s.sample().seed()).isEqualTo(11);
			assertThat(s.standardError()).isNotNull().isNotNegative();
		});
		// measures that cost one pass whatever the size answer as before
		assertThat(small.centrality(AnalyticsController.Measure.DEGREE, null, null, null, 10, null, null,
				Visibility.ANONYMOUS)).isNotEmpty();
		ActorFilter everyone = new ActorFilter(null, null, null, null, null, null);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> small.brokers(everyone, everyone, null, null, null, 10, Visibility.ANONYMOUS))
			.hasMessageContaining("narrow one group to at most 3 actors");
	}

	@Test
	void samplingEveryActorIsTheExactAnswerAndSaysSo() {
		List<AnalyticsController.Score> exact = controller.centrality(AnalyticsController.Measure.BETWEENNESS, null,
				null, null, 10, null, null, Visibility.ANONYMOUS);
		List<AnalyticsController.Score> all = controller.centrality(AnalyticsController.Measure.BETWEENNESS, null, null,
				null, 10, 1_000, 5, Visibility.ANONYMOUS);
		// the same scores, up to the order in which the sources' shares were added up
		assertThat(scores(all).keySet()).isEqualTo(scores(exact).keySet());
		scores(exact).forEach((id, score) -> assertThat(scores(all).get(id)).as(id).isCloseTo(score, within(1e-9)));
		assertThat(all).allSatisfy((s) -> {
			assertThat(s.exact()).isTrue();
			assertThat(s.standardError()).isNull();
		});
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> controller.centrality(AnalyticsController.Measure.PAGERANK, null, null, null, 10,
					50, null, Visibility.ANONYMOUS))
			.hasMessageContaining("'samples' applies to BETWEENNESS only");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> controller.centrality(AnalyticsController.Measure.BETWEENNESS, null, null, null, 10,
					0, null, Visibility.ANONYMOUS))
			.hasMessageContaining("samples");
	}

}
