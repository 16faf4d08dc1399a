package org.partneratlas.catalogue;

import org.junit.jupiter.api.Test;

import org.partneratlas.graph.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTests {

	final Cursor.Sealer sealer = new Cursor.Sealer("a secret");

	@Test
	void roundTripsNamesWithAnyCharacters() {
		Cursor cursor = new Cursor("Côte d’Ivoire / \"x\"", "country:CI");
		assertThat(Cursor.decode(cursor.encode(this.sealer, "scope"), this.sealer, "scope")).isEqualTo(cursor);
	}

	@Test
	void revealsNothingOfWhereItPoints() {
		String encoded = new Cursor("European Space Agency", "agency:esa").encode(this.sealer, "scope");
		String decodedAsText = new String(java.util.Base64.getUrlDecoder().decode(encoded),
				java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(decodedAsText).doesNotContain("European", "Space", "agency", "esa");
		assertThat(new Cursor("European Space Agency", "agency:esa").encode(this.sealer, "scope")).isNotEqualTo(encoded);
	}

	@Test
	void rejectsACursorItDidNotMakeOrThatWasAltered() {
		assertThatThrownBy(() -> Cursor.decode("not a cursor!", this.sealer, "scope")).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("malformed cursor");
		String other = new Cursor("x", "org:x").encode(new Cursor.Sealer("another secret"), "scope");
		assertThatThrownBy(() -> Cursor.decode(other, this.sealer, "scope")).isInstanceOf(BadRequestException.class);
		char[] chars = new Cursor("x", "org:x").encode(this.sealer, "scope").toCharArray();
		chars[20] = (chars[20] == 'A') ? 'B' : 'A';
		assertThatThrownBy(() -> Cursor.decode(new String(chars), this.sealer, "scope")).isInstanceOf(BadRequestException.class);
	}

	@Test
	void refusesACursorOfAnotherScope() {
		String viewer = Cursor.scope("[Organisation]", java.util.Map.of(), java.util.List.of("tlp:CLEAR"));
		String admin = Cursor.scope("[Organisation]", java.util.Map.of(), java.util.List.of("tlp:CLEAR", "tlp:GREEN"));
		String byKind = Cursor.scope("[Organisation]", java.util.Map.of("kinds", java.util.List.of("association")),
				java.util.List.of("tlp:CLEAR"));
		String encoded = new Cursor("Hidden name", "org:hidden").encode(this.sealer, admin);
		assertThatThrownBy(() -> Cursor.decode(encoded, this.sealer, viewer)).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("another listing or another caller")
			.hasMessageNotContaining("Hidden");
		assertThatThrownBy(() -> Cursor.decode(new Cursor("x", "org:x").encode(this.sealer, viewer), this.sealer,
				byKind))
			.isInstanceOf(BadRequestException.class);
		// the same grants in another order, the same filters in another order: the same scope
		assertThat(Cursor.scope("[Organisation]", java.util.Map.of("a", java.util.List.of("1", "2"), "b", "x"),
				java.util.List.of("tlp:GREEN", "tlp:CLEAR")))
			.isEqualTo(Cursor.scope("[Organisation]", new java.util.TreeMap<>(java.util.Map.of("b", "x", "a",
					java.util.List.of("2", "1"))), java.util.List.of("tlp:CLEAR", "tlp:GREEN")));
	}

	@Test
	void aConfiguredSecretMakesCursorsSurviveARestart() {
		String encoded = new Cursor("x", "org:x").encode(new Cursor.Sealer("shared"), "scope");
		assertThat(Cursor.decode(encoded, new Cursor.Sealer("shared"), "scope")).isEqualTo(new Cursor("x", "org:x"));
	}

}
