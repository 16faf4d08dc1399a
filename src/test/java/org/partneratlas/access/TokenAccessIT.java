package org.partneratlas.access;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens over HTTP on the curated graph, whose CISO tiers carry the document's markings: the Community of
 * Verticals GREEN, the CISOs European Community AMBER, the CISO Strategic Committee RED for its members.
 */
class TokenAccessIT extends AtlasIT {

	static final String TIERS = "{ nodes(ids: [\"community:creis-cov\", \"community:creis-cec\", \"community:creis-csc\"]) { id tlp } }";

	List<String> visibleTiers(String token) {
		var client = (token != null) ? this.graphQl.as(token) : this.graphQl;
		List<String> ids = client.post(TIERS).read("$.data.nodes[*].id", List.class);
		return ids;
	}

	@Test
	void eachClearanceSeesUpToItsLevel() {
		assertThat(visibleTiers(null)).isEmpty();
		assertThat(visibleTiers("test-green")).containsExactly("community:creis-cov");
		assertThat(visibleTiers("test-amber")).containsExactly("community:creis-cov", "community:creis-cec");
	}

	@Test
	void redIsForItsNamedRecipientsNeverForAClearance() {
		assertThat(visibleTiers("test-red-cleared")).containsExactly("community:creis-cov", "community:creis-cec");
		assertThat(visibleTiers("test-csc-member")).containsExactly("community:creis-csc");
	}

	@Test
	void aBadTokenIsRefusedNotTreatedAsAnonymous() {
		HttpResponse<String> response = this.graphQl.as("not-a-token").raw("{ node(id: \"union:eu\") { id } }");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("union:eu");
	}

	@Test
	void hiddenAnswersExactlyAsMissingForACallerWithATokenToo() {
		String query = "query ($id: ID!) { node(id: $id) { id } }";
		var green = this.graphQl.as("test-green");
		assertThat(green.raw(query, "id", "community:creis-csc").body())
			.isEqualTo(green.raw(query, "id", "community:nothing").body())
			.isEqualTo("{\"data\":{\"node\":null}}");
	}

	@Test
	void removingATokenFromTheFileRevokesItWithoutARestart() throws Exception {
		String before = Files.readString(TOKENS);
		try {
			assertThat(visibleTiers("test-green")).containsExactly("community:creis-cov");
			Files.writeString(TOKENS, before.lines().filter((l) -> !l.contains("name: green")).reduce("", (a, b) -> a + b + "\n"));
			Files.setLastModifiedTime(TOKENS, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
			assertThat(this.graphQl.as("test-green").raw(TIERS).statusCode()).isEqualTo(401);
		}
		finally {
			Files.writeString(TOKENS, before);
			Files.setLastModifiedTime(TOKENS, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 4000));
		}
		assertThat(visibleTiers("test-green")).containsExactly("community:creis-cov");
	}

}
