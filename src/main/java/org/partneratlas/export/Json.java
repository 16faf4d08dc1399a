package org.partneratlas.export;

import tools.jackson.databind.json.JsonMapper;

/** JSON text of small values (a list attribute, the error body of the endpoint). */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static String text(Object value) {
		return MAPPER.writeValueAsString(value);
	}

}
