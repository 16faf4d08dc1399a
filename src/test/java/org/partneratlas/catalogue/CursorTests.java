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
		assertThat(Cursor.decode(cursor.encode(this.sealer), this.sealer)).isEqualTo(cursor);
	}

	@Test
	void revealsNothingOfWhereItPoints() {
		String encoded = new Cursor("European Space Agency", "agency:esa").encode(this.sealer);
		String decodedAsText = new String(java.util.Base64.getUrlDecoder().decode(encoded),
				java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(decodedAsText).doesNotContain("European", "Space", "agency", "esa");
		assertThat(new Cursor("European Space Agency", "agency:esa").encode(this.sealer)).isNotEqualTo(encoded);
	}

	@Test
	void rejectsACursorItDidNotMakeOrThatWasAltered() {
		assertThatThrownBy(() -> Cursor.decode("not a cursor!", this.sealer)).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("malformed cursor");
		String other = new Cursor("x", "org:x").encode(new Cursor.Sealer("another secret"));
		assertThatThrownBy(() -> Cursor.decode(other, this.sealer)).isInstanceOf(BadRequestException.class);
		char[] chars = new Cursor("x", "org:x").encode(this.sealer).toCharArray();
		chars[20] = (chars[20] == 'A') ? 'B' : 'A';
		assertThatThrownBy(() -> Cursor.decode(new String(chars), this.sealer)).isInstanceOf(BadRequestException.class);
	}

	@Test
	void aConfiguredSecretMakesCursorsSurviveARestart() {
		String encoded = new Cursor("x", "org:x").encode(new Cursor.Sealer("shared"));
		assertThat(Cursor.decode(encoded, new Cursor.Sealer("shared"))).isEqualTo(new Cursor("x", "org:x"));
	}

}
