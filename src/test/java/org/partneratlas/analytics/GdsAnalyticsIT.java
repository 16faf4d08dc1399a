package org.partneratlas.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;

import org.partneratlas.analytics.AnalyticsController.Measure;
import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.Fixtures;
import org.partneratlas.support.MarkedGraphs;
import org.partneratlas.support.TestNeo4j;

/**
 * The Graph Data Science path of analytics against the in-service one, on the fixtures Neo4j (which has GDS 2.26.0
 * registered, a test-scope dependency): the same answers on the same graphs (degree and betweenness exactly, PageRank
 * within 1e-6 of each score, Louvain over the same actors with a modularity within 0.05: both are
 * Louvain heuristics, which may stop in different local optima on small graphs; 0.021 was seen), for several callers of several clearances (a GDS answer for a caller equals the
 * in-service answer on the graph that caller may see), no in-memory graph left behind, and the fallback to the
 * service where the server has no GDS or it is switched off.
 */
class GdsAnalyticsIT {

	static final AtlasProperties PROPERTIES = new AtlasProperties(null, Duration.ofSeconds(30), null, "neo4j");

	static GdsAnalytics gds(GraphReads reads, Driver driver, String mode) {
		return new GdsAnalytics(reads, driver, PROPERTIES, mode);
	}

	static AnalyticsController withGds(GraphReads reads, long maxWork) {
		return new AnalyticsController(new AnalyticsQueries(reads), reads, Graphs.cache(), Graphs.WORK,
				gds(reads, TestNeo4j.fixturesWithGds(), "auto"), maxWork, Long.MAX_VALUE - 1);
	}

	static AnalyticsController inService(GraphReads reads) {
		return new AnalyticsController(new AnalyticsQueries(reads), reads, Graphs.cache(), Graphs.WORK, Long.MAX_VALUE,
				Long.MAX_VALUE - 1);
	}

	@org.junit.jupiter.api.BeforeAll
	static void registerGds() {
		TestNeo4j.fixturesWithGds();
	}

	@Test
	void theServerWithGdsOffersEveryAlgorithmTheServiceHandsIt() {
		GdsAnalytics gds = gds(Fixtures.load("connectivity"), TestNeo4j.fixturesWithGds(), "auto");
		for (GdsAnalytics.Algorithm algorithm : GdsAnalytics.Algorithm.values()) {
			assertThat(gds.supports(algorithm)).as(algorithm.name()).isTrue();
		}
	}

	@Test
	void withoutGdsOnTheServerOrWithGdsSwitchedOffEveryAnswerIsTheServicesOwn() {
		Driver plain = TestNeo4j.driver();
		GraphReads plainReads = new GraphReads(plain, new CypherStatements(), new SimpleMeterRegistry(), PROPERTIES);
		GdsAnalytics absent = gds(plainReads, plain, "auto");
		GdsAnalytics off = gds(Fixtures.load("connectivity"), TestNeo4j.fixturesWithGds(), "off");
		for (GdsAnalytics.Algorithm algorithm : GdsAnalytics.Algorithm.values()) {
			assertThat(absent.supports(algorithm)).as("no GDS on the server: " + algorithm).isFalse();
			assertThat(off.supports(algorithm)).as("switched off: " + algorithm).isFalse();
		}
		assertThatThrownBy(() -> gds(plainReads, plain, "always")).hasMessageContaining("'auto'")
			.hasMessageContaining("'off'");
		// the controller given the absent GDS answers in the service, on the fixtures graph, as the plain one does
		GraphReads reads = Fixtures.load("connectivity");
		AnalyticsController fallback = new AnalyticsController(new AnalyticsQueries(reads), reads, Graphs.cache(),
				Graphs.WORK, off, Long.MAX_VALUE, Long.MAX_VALUE - 1);
		long before = reads.statementCount();
		for (Measure measure : Measure.values()) {
			assertThat(AnalyticsIT.scores(fallback.centrality(measure, null, null, null, 100, null, null,
					Visibility.ANONYMOUS)))
				.as(measure.name())
				.isEqualTo(AnalyticsIT.scores(
						inService(reads).centrality(measure, null, null, null, 100, null, null, Visibility.ANONYMOUS)));
		}
		assertThat(reads.statementCount()).as("statements were run").isGreaterThan(before);
		assertThat(graphsInCatalogue()).isEmpty();
	}

	@Test
	void gdsAgreesWithTheServiceOnTheHandMadeGraphAndLeavesNoGraphBehind() {
		GraphReads reads = Fixtures.load("connectivity");
		assertAgree(reads, Visibility.ANONYMOUS, "connectivity, anonymous");
		assertAgree(reads, Visibility.clearedFor(org.partneratlas.graph.Tlp.RED), "connectivity, RED");
		assertThat(graphsInCatalogue()).isEmpty();
	}

	/**
	 * A larger graph, then (after its wipe) a smaller one whose nodes take new or reused ids, in one test so that the
	 * sequence is checked whatever order the methods run in: a GDS answer computed after a larger graph was projected,
	 * wiped and replaced must still be the in-service answer on the graph the caller sees.
	 */
	@Test
	void gdsAgreesWithTheServiceOnLargerGeneratedGraphsAndAfterTheirWipe() {
		MarkedGraphs graphs = new MarkedGraphs(401, 120, 90);
		GraphReads reads = Fixtures.load("gds-large-401", graphs::marked);
		for (Visibility caller : graphs.callers(2)) {
			assertAgree(reads, caller, "graph 401, " + caller);
		}
		assertThat(graphsInCatalogue()).isEmpty();
		differential(new MarkedGraphs(301, 24, 20), 301, "gds-after-large-").forEach((test) -> {
			try {
				test.getExecutable().execute();
			}
			catch (Throwable failed) {
				throw new AssertionError(test.getDisplayName() + " after graph 401 was wiped: " + failed.getMessage(),
						failed);
			}
		});
	}

	/**
	 * The differential proof for the GDS path: for generated marked graphs and callers of every clearance, the GDS
	 * answer a caller gets equals the in-service answer anyone gets on the graph filtered to what that caller may see.
	 */
	@TestFactory
	Stream<DynamicTest> aGdsAnswerForACallerIsTheInServiceAnswerOnTheGraphTheCallerSees() {
		List<DynamicTest> tests = new ArrayList<>();
		// regression first, with no plan cached: this draw (graph 301 as drawn before memberships were added), right
		// after the connectivity fixture, got a plan that lost 11 of the RED caller's 20 actor pairs, in GDS and in the
		// service alike, until the projection left `:Entity` off its label disjunction (CypherShapesTests)
		Fixtures.clearQueryCaches();
		Fixtures.load("connectivity");
		tests.addAll(differential(new MarkedGraphs(301, 24, 20, false), 301, "gds-no-memberships-"));
		for (long seed : new long[] { 301, 302, 303 }) {
			tests.addAll(differential(new MarkedGraphs(seed, 24, 20), seed, "gds-"));
		}
		tests.add(DynamicTest.dynamicTest("no in-memory graph left behind",
				() -> assertThat(graphsInCatalogue()).isEmpty()));
		return tests.stream();
	}

	/** The differential on one generated graph: the GDS answers are computed first, for every caller, then compared. */
	private static List<DynamicTest> differential(MarkedGraphs graphs, long seed, String prefix) {
		List<DynamicTest> tests = new ArrayList<>();
		List<Visibility> who = graphs.callers(6);
		GraphReads marked = Fixtures.load(prefix + "marked-" + seed, graphs::marked);
		List<Answers> actual = new ArrayList<>();
		for (Visibility caller : who) {
			actual.add(Answers.of(withGds(marked, Long.MAX_VALUE), caller));
		}
		for (int c = 0; c < who.size(); c++) {
			Visibility caller = who.get(c);
			GraphReads seen = Fixtures.load(prefix + "seen-" + seed + "-" + c, () -> graphs.seenBy(caller));
			Answers expected = Answers.of(inService(seen), Visibility.ANONYMOUS);
			Answers got = actual.get(c);
			String name = "graph " + seed + ", " + caller;
			tests.add(DynamicTest.dynamicTest(name, () -> got.assertAgreesWith(expected, name)));
		}
		return tests;
	}

	@Test
	void exactBetweennessOverTheBudgetIsRefusedAsInTheServiceAndItsGraphDropped() {
		GraphReads reads = Fixtures.load("connectivity");
		ActorGraph projection = new AnalyticsQueries(reads).projection(org.partneratlas.graph.Label.actors(), null,
				null, Visibility.ANONYMOUS);
		long pass = Centrality.work(projection, 1);
		String inService = refusal(new AnalyticsController(new AnalyticsQueries(reads), reads, Graphs.cache(),
				Graphs.WORK, 3 * pass, Long.MAX_VALUE - 1));
		String byGds = refusal(withGds(reads, 3 * pass));
		assertThat(byGds).isEqualTo(inService).contains("'samples: 3'").contains("nothing was ranked");
		assertThat(graphsInCatalogue()).as("dropped although the answer was a refusal").isEmpty();
	}

	@Test
	void theGdsProjectionReadsTheSameVisibleRowsAsTheInServiceOne() throws IOException {
		List<String> inService = matchAndWhere(Path.of("cypher/queries/analytics/projection.cypher"));
		List<String> byGds = matchAndWhere(Path.of("cypher/gds/analytics/project.cypher"));
		assertThat(inService).hasSizeGreaterThan(10).anyMatch((line) -> line.contains("a.access WHERE g IN $grants"));
		assertThat(byGds).isEqualTo(inService);
	}

	/** The MATCH lines and their WHERE predicates: what decides which rows, and so which data, are read. */
	private static List<String> matchAndWhere(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		boolean inside = false;
		for (String line : Files.readAllLines(file)) {
			String trimmed = line.strip();
			if (trimmed.startsWith("MATCH")) {
				inside = true;
			}
			else if (trimmed.startsWith("WITH") || trimmed.startsWith("RETURN")) {
				inside = false;
			}
			if (inside) {
				lines.add(trimmed);
			}
		}
		return lines;
	}

	private static String refusal(AnalyticsController controller) {
		try {
			controller.centrality(Measure.BETWEENNESS, null, null, null, 10, null, null, Visibility.ANONYMOUS);
		}
		catch (BadRequestException refused) {
			return refused.getMessage();
		}
		throw new AssertionError("not refused");
	}

	private static void assertAgree(GraphReads reads, Visibility caller, String name) {
		Answers.of(withGds(reads, Long.MAX_VALUE), caller)
			.assertAgreesWith(Answers.of(inService(reads), caller), name);
	}

	static List<String> graphsInCatalogue() {
		try (var session = TestNeo4j.fixturesWithGds().session()) {
			return session.run("CALL gds.graph.list() YIELD graphName RETURN graphName")
				.list((r) -> r.get("graphName").asString());
		}
	}

	/** The answers of one controller for one caller: every centrality in full, and the communities. */
	record Answers(Map<Measure, Map<String, Double>> scores, List<Set<String>> communities, double modularity) {

		static Answers of(AnalyticsController controller, Visibility caller) {
			Map<Measure, Map<String, Double>> scores = new LinkedHashMap<>();
			for (Measure measure : Measure.values()) {
				Map<String, Double> byId = new LinkedHashMap<>();
				controller.centrality(measure, null, null, null, 100, null, null, caller)
					.forEach((s) -> byId.put(s.node().id(), s.score()));
				scores.put(measure, byId);
			}
			AnalyticsController.CommunityAnswer split = controller.communities(null, null, null, 1, caller);
			List<Set<String>> communities = split.communities()
				.stream()
				.map((c) -> (Set<String>) new TreeSet<>(c.members().stream().map((e) -> e.id()).toList()))
				.toList();
			return new Answers(scores, communities, split.modularity());
		}

		void assertAgreesWith(Answers expected, String name) {
			assertClose(this.scores.get(Measure.DEGREE), expected.scores.get(Measure.DEGREE), 1e-9, name + ", DEGREE");
			assertClose(this.scores.get(Measure.BETWEENNESS), expected.scores.get(Measure.BETWEENNESS), 1e-9,
					name + ", BETWEENNESS");
			assertClose(this.scores.get(Measure.PAGERANK), expected.scores.get(Measure.PAGERANK), 1e-6,
					name + ", PAGERANK");
			assertThat(union(this.communities)).as(name + ", the actors split into communities")
				.isEqualTo(union(expected.communities));
			assertThat(this.modularity).as(name + ", modularity").isCloseTo(expected.modularity, within(0.05));
		}

		/**
		 * Every actor ranked by both has the same score within the tolerance; an actor ranked by one only (the top
		 * {@value AnalyticsController#MAX_TOP} cut between scores equal within the tolerance) scores no more than the
		 * other's last.
		 */
		private static void assertClose(Map<String, Double> got, Map<String, Double> wanted, double tolerance,
				String name) {
			assertThat(got).as(name + " ranked").hasSameSizeAs(wanted);
			for (var e : wanted.entrySet()) {
				if (got.containsKey(e.getKey())) {
					assertThat(got.get(e.getKey())).as(name + " of " + e.getKey()).isCloseTo(e.getValue(),
							within(tolerance));
				}
				else {
					assertThat(got).as(name + ": only the top cut may differ, at " + e.getKey())
						.hasSize(AnalyticsController.MAX_TOP);
					double last = got.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
					assertThat(e.getValue()).as(name + " of " + e.getKey()).isLessThanOrEqualTo(last + tolerance);
				}
			}
		}

		private static Set<String> union(List<Set<String>> communities) {
			Set<String> all = new TreeSet<>();
			communities.forEach(all::addAll);
			return all;
		}

	}

}
