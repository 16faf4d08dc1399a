package org.partneratlas.catalogue;

import org.junit.jupiter.api.Test;

import org.partneratlas.graph.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextTests {

	@Test
	void everyWordMatchesAsWordOrPrefix() {
		assertThat(SearchText.lucene("Europ Space")).isEqualTo("(europ^2 OR europ*) AND (space^2 OR space*)");
	}

	@Test
	void luceneSyntaxFromTheCallerIsDropped() {
		assertThat(SearchText.lucene("name:\"ESA\" OR *:* ~2 (x)")).isEqualTo(
				"(name^2 OR name*) AND (esa^2 OR esa*) AND (or^2 OR or*) AND (2^2 OR 2*) AND (x^2 OR x*)");
	}

	@Test
	void keepsLettersOfAnyAlphabet() {
		assertThat(SearchText.words("Türkiye Côte")).containsExactly("türkiye", "côte");
	}

	@Test
	void rejectsEmptyAndOverlongText() {
		assertThatThrownBy(() -> SearchText.lucene("  ")).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> SearchText.lucene("!!!")).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("letter or a digit");
		assertThatThrownBy(() -> SearchText.lucene("x".repeat(201))).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("1 to 200");
	}

}
