package org.partneratlas.seed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;

import org.partneratlas.seed.AtlasApi.Item;
import org.partneratlas.seed.AtlasApi.Tie;
import org.partneratlas.seed.Expectations.Family;
import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curated graph holds every family of instruments the source documents enumerate with exactly the parties they
 * list (asked through the GraphQL API over HTTP, as an anonymous caller), and every fact in it is cited.
 */
class SeedCompletenessIT extends AtlasIT {

	private static final Expectations expectations = Expectations.load();

	private static final List<String> ALL_ACTORS = List.of("UNION", "COUNTRY", "REGION", "INSTITUTION", "AGENCY",
			"ORGANISATION", "COMMUNITY");

	private static final List<String> ALL_ITEMS = List.of("INSTRUMENT", "PROGRAMME", "PROJECT", "CABLE");

	@Autowired
	Driver driver;

	AtlasApi api;

	@BeforeEach
	void client() {
		this.api = new AtlasApi(this.graphQl);
	}

	static Stream<Family> families() {
		return expectations.families().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("families")
	void holdsExactlyThePartiesTheDocumentListsForEachFamily(Family family) {
		SoftAssertions softly = new SoftAssertions();
		Set<String> parties = family.type().equals("COOPERATES_WITH") ? cooperating(family) : parties(family, softly);
		softly.assertThat(parties).as("%s (%s)", family.name(), family.source())
			.containsExactlyInAnyOrderElementsOf(family.parties());
		softly.assertAll();
	}

	@Test
	void everyNodeAndRelationshipCitesAnExistingSourceWithALocator() {
		String uncited = """
				WHERE NOT (x.sourceIds IS :: LIST<STRING NOT NULL> AND size(x.sourceIds) > 0
				  AND x.sourceLocators IS :: LIST<STRING NOT NULL> AND size(x.sourceLocators) = size(x.sourceIds)
				  AND all(locator IN x.sourceLocators WHERE trim(locator) <> '')
				  AND all(source IN x.sourceIds WHERE EXISTS { MATCH (:Source {id: source}) }))
				RETURN coalesce(x.id, elementId(x)) AS id ORDER BY id LIMIT 50""";
		assertThat(ids("MATCH (x) " + uncited)).as("uncited nodes").isEmpty();
		assertThat(ids("MATCH ()-[x]->() " + uncited)).as("uncited relationships").isEmpty();
		assertThat(ids("""
				MATCH (s:Source) WHERE s.id <> 'source:iso3166' AND (s.file IS NULL OR trim(s.file) = '')
				RETURN s.id AS id""")).as("source documents without a file").isEmpty();
		assertThat(ids("MATCH (x) RETURN x.id AS id LIMIT 1")).as("the curated graph is loaded").isNotEmpty();
	}

	@Test
	void everyCuratedNodeButCountriesAndDocumentsIsTiedToSomething() {
		assertThat(ids("""
				MATCH (n:Entity) WHERE NOT n:Country AND NOT n:Source AND NOT EXISTS { (n)--() }
				RETURN n.id AS id ORDER BY id""")).as("curated nodes without a tie").isEmpty();
	}

	@Test
	void everyNodeAndRelationshipHasAStableIdAndATlpMarking() {
		String unmarked = """
				WHERE x.id IS NULL OR trim(x.id) = '' OR x.tlp IS NULL OR x.tlpLevel IS NULL
				RETURN coalesce(x.id, elementId(x)) AS id ORDER BY id LIMIT 50""";
		// audit events (of edits, and of the saved queries and views the workspace tests write into this store)
		// carry the access list of what they record, not a marking of their own (so do a bulk import's audit batches)
		assertThat(ids("MATCH (x) WHERE NOT x:AuditEvent AND NOT x:AuditBatch WITH x " + unmarked)).as("nodes without id or marking").isEmpty();
		assertThat(ids("MATCH ()-[x]->() " + unmarked)).as("relationships without id or marking").isEmpty();
	}

	@Test
	void everyNodeTheApiListsResolvesItsCitationsToADocument() {
		String query = """
				query ($labels: [Label!], $after: String) {
				  %s(filter: {labels: $labels}, first: 100, after: $after) {
				    nodes { id sources { sourceId locator source { id name file } } }
				    pageInfo { hasNextPage endCursor } } }""";
		List<Map<String, Object>> nodes = new ArrayList<>();
		nodes.addAll(all(query.formatted("actors"), "actors", ALL_ACTORS));
		nodes.addAll(all(query.formatted("instruments"), "instruments", ALL_ITEMS));
		assertThat(nodes).hasSizeGreaterThan(249 + 100);
		SoftAssertions softly = new SoftAssertions();
		nodes.forEach((node) -> citationsResolve(softly, (String) node.get("id"), node));
		softly.assertAll();
	}

	@Test
	void everyEdgeOfASampleOfEachLabelResolvesItsCitationsToADocument() {
		List<String> sample = List.of("union:eu", "country:IN", "region:western-balkans",
				"institution:european-commission", "agency:enisa", "org:ecso", "community:creis",
				"instrument:eu-in-ttc", "programme:global-gateway", "project:cocyber-needs-assessment",
				"cable:blue-raman", "topic:quantum", "source:004");
		SoftAssertions softly = new SoftAssertions();
		for (String id : sample) {
			DocumentContext answer = this.graphQl.post("""
					query ($id: ID!) { profile(id: $id) {
					  node { __typename id sources { sourceId locator source { id name file } } }
					  ties { edge { id sources { sourceId locator source { id name file } } }
					         other { id sources { sourceId locator source { id name file } } } } } }""", "id", id);
			AtlasApi.noErrors(answer, "profile of " + id);
			Map<String, Object> node = answer.read("$.data.profile.node");
			softly.assertThat(node).as(id).isNotNull();
			if (node == null) {
				continue;
			}
			citationsResolve(softly, id, node);
			List<Map<String, Object>> edges = answer.read("$.data.profile.ties[*].edge");
			List<Map<String, Object>> others = answer.read("$.data.profile.ties[*].other");
			if (!id.startsWith("source:")) {
				softly.assertThat(edges).as("edges of %s", id).isNotEmpty();
			}
			edges.forEach((edge) -> citationsResolve(softly, (String) edge.get("id"), edge));
			others.forEach((other) -> citationsResolve(softly, (String) other.get("id"), other));
		}
		softly.assertAll();
	}

	/**
	 * The non-EU actors tied to the family's instruments or projects (every one of its kind and status) in the
	 * family's way; every instrument or project that has such a party cites the family's source, and so does each
	 * party's tie; the EU is party to each instrument.
	 */
	private Set<String> parties(Family family, SoftAssertions softly) {
		List<String> labels = family.type().equals("PARTY_TO") ? List.of("INSTRUMENT") : List.of("PROJECT", "PROGRAMME");
		List<Item> items = this.api.items(labels, family.kind(), family.status());
		assertThat(items).as("%s of kind %s and status %s", labels, family.kind(), family.status()).isNotEmpty();
		Set<String> parties = new LinkedHashSet<>();
		for (Item item : items) {
			List<Tie> ties = this.api.ties(item.id(), "IN", family.type())
				.filter((tie) -> !tie.otherId().equals(AtlasApi.EU) && family.role().equals(tie.role()))
				.toList();
			if (ties.isEmpty()) {
				continue;
			}
			softly.assertThat(item.citations()).as("sources of %s", item.id()).contains(family.source());
			for (Tie tie : ties) {
				parties.add(tie.otherId());
				softly.assertThat(tie.citations())
					.as("sources of %s %s %s", tie.otherId(), family.type(), item.id())
					.contains(family.source());
			}
			if (family.type().equals("PARTY_TO")) {
				softly.assertThat(this.api.ties(item.id(), "IN", "PARTY_TO")
					.filter((tie) -> tie.otherId().equals(AtlasApi.EU))
					.map(Tie::role))
					.as("the EU's role in %s", item.id())
					.containsExactly("party");
			}
		}
		return parties;
	}

	/** The actors the family's actor cooperates with, by ties citing the family's source (of its kind, if given). */
	private Set<String> cooperating(Family family) {
		return AtlasApi.ids(this.api.ties(family.from(), "OUT", "COOPERATES_WITH")
			.filter((tie) -> tie.citations().contains(family.source()))
			.map(Tie::other)
			.filter((other) -> family.kind() == null || family.kind().equals(other.kind())));
	}

	private List<Map<String, Object>> all(String query, String field, List<String> labels) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		String after = null;
		do {
			DocumentContext page = this.graphQl.post(query, "labels", labels, "after", after);
			AtlasApi.noErrors(page, field);
			nodes.addAll(page.read("$.data." + field + ".nodes"));
			after = page.read("$.data." + field + ".pageInfo.hasNextPage", Boolean.class)
					? page.read("$.data." + field + ".pageInfo.endCursor") : null;
		}
		while (after != null);
		return nodes;
	}

	@SuppressWarnings("unchecked")
	private static void citationsResolve(SoftAssertions softly, String what, Map<String, Object> cited) {
		List<Map<String, Object>> sources = (List<Map<String, Object>>) cited.get("sources");
		softly.assertThat(sources).as("sources of %s", what).isNotEmpty();
		for (Map<String, Object> citation : sources) {
			softly.assertThat((String) citation.get("locator")).as("locator of %s", what).isNotBlank();
			Map<String, Object> source = (Map<String, Object>) citation.get("source");
			softly.assertThat(source).as("document %s cited by %s", citation.get("sourceId"), what).isNotNull();
			if (source != null) {
				softly.assertThat(source.get("id")).isEqualTo(citation.get("sourceId"));
				softly.assertThat((String) source.get("name")).as("name of %s", source.get("id")).isNotBlank();
				if (!"source:iso3166".equals(source.get("id"))) {
					softly.assertThat((String) source.get("file")).as("file of %s", source.get("id")).isNotBlank();
				}
			}
		}
	}

	private List<String> ids(String cypher) {
		try (var session = this.driver.session()) {
			return session.executeRead((tx) -> tx.run(cypher).list((row) -> row.get("id").asString()));
		}
	}

}
