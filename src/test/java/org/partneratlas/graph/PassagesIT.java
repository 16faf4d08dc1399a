package org.partneratlas.graph;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.partneratlas.support.AtlasIT;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fact's sentence can be shown: each citation of the curated graph (every node's and relationship's source
 * and locator, as loaded) resolves to a passage in the documents shipped under {@code seed-data/documents/}, and
 * the API gives it as {@code Citation.passage}, only through items the caller may see.
 */
class PassagesIT extends AtlasIT {

	private final Passages passages = new Passages();

	@Test
	void everyCitationOfTheCuratedGraphResolvesToAPassage() {
		List<Record> citations;
		try (var session = TestNeo4j.driver().session()) {
			citations = session.run("""
					CALL () { MATCH (n) WHERE n.sourceIds IS NOT NULL RETURN n.sourceIds AS ids, n.sourceLocators AS locators
					  UNION ALL MATCH ()-[r]->() WHERE r.sourceIds IS NOT NULL RETURN r.sourceIds AS ids, r.sourceLocators AS locators }
					UNWIND range(0, size(ids) - 1) AS i
					RETURN DISTINCT ids[i] AS sourceId, locators[i] AS locator""").list();
		}
		assertThat(citations).hasSizeGreaterThan(50);
		List<String> unresolved = new ArrayList<>();
		for (Record c : citations) {
			Citation citation = new Citation(c.get("sourceId").asString(), c.get("locator").asString());
			if (this.passages.passage(citation).filter((p) -> p.length() > 20).isEmpty()) {
				unresolved.add(citation.sourceId() + ": " + citation.locator());
			}
		}
		assertThat(unresolved).as("citations whose locator names no passage").isEmpty();
	}

	@Test
	void aFootnoteAnswersWithTheSentenceThatCitesItThenTheNote() {
		String passage = this.passages.passage(new Citation("source:004", "footnote 13")).orElseThrow();
		String[] lines = passage.split("\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).contains("[13]").doesNotContain("footnoteRef");
		assertThat(lines[1]).startsWith("[13] ");
		// the heading-and-footnote form resolves to the footnote, with either apostrophe
		assertThat(this.passages.passage(new Citation("source:004", "Scaling the EU's global network of partners, footnote 13")))
			.contains(passage);
	}

	@Test
	void aSectionAnswersWithItsTextWithoutNotesAndUnknownPlacesAnswerNothing() {
		String section = this.passages.passage(new Citation("source:004", "Scaling the EU’s global network of partners"))
			.orElseThrow();
		assertThat(section).contains("Trade and Technology Council").doesNotContain("[13:").doesNotContain("footnoteRef");
		assertThat(this.passages.passage(new Citation("source:004", "No such heading"))).isEmpty();
		assertThat(this.passages.passage(new Citation("source:004", "footnote 999"))).isEmpty();
		assertThat(this.passages.passage(new Citation("source:999", "lead paragraphs"))).isEmpty();
		assertThat(this.passages.passage(new Citation("source:000", "lead paragraphs")).orElseThrow())
			.startsWith("The European Cyber Security Organisation (ECSO) recently welcomed");
	}

	@Test
	void theApiGivesEachTiesPassageThroughVisibleItemsOnly() {
		DocumentContext india = this.graphQl.post("""
				{ profile(id: "country:IN") { ties { other { id } edge { sources { sourceId locator passage } } } } }""");
		List<String> passages = india.read("$.data.profile.ties[*].edge.sources[*].passage");
		assertThat(passages).isNotEmpty().allSatisfy((p) -> assertThat(p).isNotBlank());
		assertThat(passages).anySatisfy((p) -> assertThat(p).contains("India"));
		// the AMBER community's citations are not reachable by an anonymous caller, and are by an AMBER one
		String query = "{ node(id: \"community:creis-cec\") { sources { passage } } }";
		assertThat(this.graphQl.post(query).<Object>read("$.data.node")).isNull();
		List<String> amber = this.graphQl.as("test-amber").post(query).read("$.data.node.sources[*].passage");
		assertThat(amber).isNotEmpty().allSatisfy((p) -> assertThat(p).contains("CEC"));
	}

	@Test
	void meSaysWhoIsCallingAndTheirClearance() {
		assertThat(this.graphQl.post("{ me { name role clearance anonymous } }").<java.util.Map<String, Object>>read("$.data.me"))
			.containsEntry("name", "anonymous").containsEntry("role", "VIEWER").containsEntry("clearance", "CLEAR")
			.containsEntry("anonymous", true);
		assertThat(this.graphQl.as("test-editor-ecso").post("{ me { name role clearance organisation anonymous } }")
			.<java.util.Map<String, Object>>read("$.data.me"))
			.containsEntry("name", "editor-ecso").containsEntry("role", "EDITOR").containsEntry("clearance", "AMBER_STRICT")
			.containsEntry("organisation", "org:ecso").containsEntry("anonymous", false);
	}

}
