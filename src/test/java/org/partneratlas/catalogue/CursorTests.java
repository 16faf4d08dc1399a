package org.partneratlas.catalogue;

import org.junit.jupiter.api.Test;

import org.partneratlas.graph.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTests {

	@Test
	void roundTripsNamesWithAnyCharacters() {
		Cursor cursor = new Cursor("Côte d’Ivoire / \"x\"", "country:CI");
		assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void rejectsACursorItDidNotMake() {
		assertThatThrownBy(() -> Cursor.decode("not a cursor!")).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("malformed cursor");
		assertThatThrownBy(() -> Cursor.decode("aGVsbG8")).isInstanceOf(BadRequestException.class);
	}

}
