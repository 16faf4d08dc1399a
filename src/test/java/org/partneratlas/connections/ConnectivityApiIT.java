package org.partneratlas.connections;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;


import static org.assertj.core.api.Assertions.assertThat;

/** The outreach questions of the connectivity issue, over HTTP, on the curated graph. */
class ConnectivityApiIT extends AtlasIT {

	@Test
	void howEcsoReachesIndia() {
		DocumentContext answer = this.graphQl.post("""
				{ paths(from: "org:ecso", to: "country:IN", k: 3, maxHops: 6) {
				    found message
				    paths { length nodes { id } edges { type sources { locator } }
				            steps { from { id } fromRole via { id __typename } to { id } toRole edges { id } } } } }""");
		assertThat(answer.read("$.data.paths.found", Boolean.class)).isTrue();
		assertThat(answer.read("$.data.paths.paths[0].nodes[0].id", String.class)).isEqualTo("org:ecso");
		List<String> lastNodes = answer.read("$.data.paths.paths[*].nodes[-1].id", List.class);
		assertThat(lastNodes).isNotEmpty().containsOnly("country:IN");
		List<Integer> lengths = answer.read("$.data.paths.paths[*].length", List.class);
		assertThat(lengths).isSorted().allMatch((l) -> l <= 6);
		assertThat(answer.read("$.data.paths.paths[0].steps[-1].to.id", String.class)).isEqualTo("country:IN");
		assertThat(answer.read("$.data.paths.paths[*].edges[*].sources[0].locator", List.class)).doesNotContainNull();
	}

	@Test
	void partnersWithADigitalPartnershipButNoCyberDialogue() {
		DocumentContext answer = this.graphQl.post("""
				{ gaps(has: ["digital-partnership"], lacks: ["cyber-dialogue"]) {
				    actor { id } has { instrument { id } edge { role } } } }""");
		assertThat(answer.read("$.data.gaps[*].actor.id", List.class))
			.containsExactlyInAnyOrder("country:SG", "country:CA");
		assertThat(answer.read("$.data.gaps[*].has[*].instrument.id", List.class))
			.containsExactlyInAnyOrder("instrument:eu-sg-digital-partnership", "instrument:eu-ca-digital-partnership");
	}

	@Test
	void coverageMatrixOfPartnersAgainstInstrumentKinds() {
		DocumentContext answer = this.graphQl.post("""
				{ coverage(actors: {ids: ["country:JP", "country:SG"]}, kinds: ["digital-partnership", "cyber-dialogue"]) {
				    kinds truncated rows { actor { id } covered cells { kind instruments { instrument { id } } } } } }""");
		assertThat(answer.read("$.data.coverage.rows[*].actor.id", List.class))
			.containsExactly("country:JP", "country:SG");
		assertThat(answer.read("$.data.coverage.rows[*].covered", List.class)).containsExactly(2, 1);
		assertThat(answer.read("$.data.coverage.rows[1].cells[1].instruments", List.class)).isEmpty();
	}

	@Test
	void whatTiedTheEuToKoreaAtADate() {
		DocumentContext now = this.graphQl.post("""
				{ connections(a: "union:eu", b: "country:KR") { through { via { id } } } }""");
		DocumentContext then = this.graphQl.post("""
				{ connections(a: "union:eu", b: "country:KR", asOf: "2024-01-01") { through { via { id } } } }""");
		List<String> ties = now.read("$.data.connections.through[*].via.id", List.class);
		List<String> earlier = then.read("$.data.connections.through[*].via.id", List.class);
		assertThat(ties).contains("instrument:eu-kr-digital-partnership");
		// the digital trade agreement was concluded in March 2025: not a tie at the start of 2024
		assertThat(earlier).isSubsetOf(ties).doesNotContain("instrument:eu-kr-digital-trade-agreement");
	}

	@Test
	void timelineOfAnActorInDateOrder() {
		DocumentContext answer = this.graphQl.post("""
				{ timeline(id: "country:KR") { node { id } events { kind date earliest latest node { id } edge { type } } } }""");
		List<String> earliest = answer.read("$.data.timeline.events[*].earliest", List.class);
		assertThat(earliest).isNotEmpty().isSorted();
	}

	@Test
	void brokersAndCommunitiesOverTheVisibleGraph() {
		DocumentContext answer = this.graphQl.post("""
				{ centrality(measure: BETWEENNESS, top: 3) { rank score node { id } }
				  communities { modularity communities { id size members { id } } } }""");
		assertThat(answer.read("$.data.centrality[0].node.id", String.class)).isEqualTo("union:eu");
		assertThat(answer.read("$.data.centrality[*].rank", List.class)).containsExactly(1, 2, 3);
		assertThat(answer.read("$.data.communities.modularity", Double.class)).isPositive();
		List<String> members = answer.read("$.data.communities.communities[*].members[*].id", List.class);
		assertThat(members).doesNotHaveDuplicates().contains("union:eu");
	}

	@Test
	void pathLimitsAreStatedAndEnforced() {
		DocumentContext answer = this.graphQl.post("{ paths(from: \"org:ecso\", to: \"country:IN\", k: 50) { found } }");
		assertThat(answer.read("$.errors[0].message", String.class)).isEqualTo("'k' must be between 1 and 10, not 50");
	}

}
