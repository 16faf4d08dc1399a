package org.partneratlas.access;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question that names a value no node can have is a mistake, not a question whose answer is empty: it gets a
 * BAD_REQUEST naming the argument and the allowed values, never {@code []} (which reads as "none"). A question that
 * cannot apply to a kind says so. And a visible node without dated events has an empty timeline, not none.
 */
class BadQuestionsIT extends AtlasIT {

	@Test
	void anUnknownInstrumentKindIsRefusedWithTheAllowedKinds() {
		String message = refused("{ instruments(filter: {kinds: [\"digital-partnerhsip\"]}) { nodes { id } } }");
		assertThat(message).contains("digital-partnerhsip").contains("digital-partnership").contains("cyber-dialogue");
		// the right spelling still answers
		assertThat(this.graphQl.post("{ instruments(filter: {kinds: [\"digital-partnership\"]}) { nodes { id } } }")
			.read("$.data.instruments.nodes", List.class)).isNotEmpty();
	}

	@Test
	void gapsAndCoverageRefuseUnknownKindsAndSayWhenAKindIsNotAnInstruments() {
		assertThat(refused("{ gaps(has: [\"digital-partnerhsip\"], lacks: []) { actor { id } } }"))
			.contains("'has'").contains("digital-partnership");
		assertThat(refused("{ gaps(lacks: [\"package\"]) { actor { id } } }")).contains("'lacks'")
			.contains("'package' is a kind of PROJECT")
			.contains("does not look at");
		assertThat(refused("{ coverage(kinds: [\"hub\"]) { rows { actor { id } } } }")).contains("'hub' is a kind of PROJECT");
		assertThat(refused("{ coverage(kinds: [\"cyber-dialog\"]) { rows { actor { id } } } }")).contains("cyber-dialogue");
	}

	@Test
	void everyVocabularyArgumentIsChecked() {
		assertThat(refused("{ actors(filter: {kinds: [\"csirtt\"]}) { nodes { id } } }")).contains("csirt");
		assertThat(refused("{ actors(filter: {sectors: [\"military\"]}) { nodes { id } } }")).contains("defence");
		assertThat(refused("{ actors(filter: {euStatus: [\"memeber\"]}) { nodes { id } } }")).contains("candidate");
		assertThat(refused("{ actors(filter: {memberOf: \"eu\"}) { nodes { id } } }")).contains("not a node id");
		assertThat(refused("{ actors(filter: {ids: [\"instrument:ttc-in\"]}) { nodes { id } } }")).contains("cannot be the id");
		assertThat(refused("{ instruments(filter: {statuses: [\"inforce\"]}) { nodes { id } } }")).contains("in-force");
		assertThat(refused("{ instruments(filter: {party: \"IN\"}) { nodes { id } } }")).contains("not a node id");
		assertThat(refused("{ instruments(filter: {labels: [CABLE], kinds: [\"digital-partnership\"]}) { nodes { id } } }"))
			.contains("kind of INSTRUMENT").contains("submarine-cable");
		assertThat(refused("{ paths(from: \"union:eu\", to: \"country:IN\", only: {kinds: [\"ttc\"]}) { found } }"))
			.contains("'only.kinds'");
		assertThat(refused("{ paths(from: \"union:eu\", to: \"country:IN\", only: {topics: [\"cybersecurity\"]}) { found } }"))
			.contains("'only.topics'");
		assertThat(refused("{ paths(from: \"union:eu\", to: \"country:IN\", only: {topics: [\"country:IN\"]}) { found } }"))
			.contains("TOPIC");
		assertThat(refused("{ centrality(measure: DEGREE, kinds: [\"dp\"]) { rank } }")).contains("'kinds'");
		assertThat(refused("{ communities(kinds: [\"dp\"]) { modularity } }")).contains("'kinds'");
		assertThat(refused("{ untied(actors: {sectors: [\"civil\"]}, from: {sectors: [\"defence\"]}) { id } }"))
			.contains("civilian");
		assertThat(refused(
				"{ brokers(between: {kinds: [\"nope\"]}, and: {labels: [COUNTRY]}) { rank } }"))
			.contains("unknown kind 'nope'");
	}

	@Test
	void aVisibleNodeWithoutDatedEventsHasAnEmptyTimelineAMissingOneNone() {
		DocumentContext quiet = this.graphQl.post("{ node(id: \"country:AQ\") { id } timeline(id: \"country:AQ\") { node { id } events { kind } } }");
		assertThat(quiet.read("$.data.node.id", String.class)).isEqualTo("country:AQ");
		assertThat(quiet.read("$.data.timeline.node.id", String.class)).isEqualTo("country:AQ");
		assertThat(quiet.read("$.data.timeline.events", List.class)).isEmpty();
		DocumentContext missing = this.graphQl.post("{ timeline(id: \"country:ZZ\") { node { id } } }");
		assertThat(missing.read("$.data", Map.class)).containsEntry("timeline", null);
	}

	@Test
	void commonPartnersOfAMissingOrHiddenNodeIsNotFoundNotNone() {
		DocumentContext missing = this.graphQl.post("{ commonPartners(a: \"country:ZZ\", b: \"country:IN\") { partner { id } } }");
		DocumentContext hidden = this.graphQl.post("{ commonPartners(a: \"community:creis-csc\", b: \"country:IN\") { partner { id } } }");
		assertThat(missing.read("$.errors[0].extensions.classification", String.class)).isEqualTo("NOT_FOUND");
		assertThat(missing.read("$.errors[0].message", String.class)).isEqualTo("'a': no node 'country:ZZ'");
		assertThat(hidden.read("$.errors[0].message", String.class)).isEqualTo("'a': no node 'community:creis-csc'");
		assertThat(this.graphQl.post("{ commonPartners(a: \"country:JP\", b: \"country:KR\") { partner { id } } }")
			.read("$.data.commonPartners", List.class)).isNotEmpty();
	}

	private String refused(String query) {
		DocumentContext answer = this.graphQl.post(query);
		assertThat(answer.read("$.errors[0].extensions.classification", String.class)).as(query).isEqualTo("BAD_REQUEST");
		return answer.read("$.errors[0].message", String.class);
	}

}
