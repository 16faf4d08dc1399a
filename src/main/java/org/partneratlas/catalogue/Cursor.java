package org.partneratlas.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.partneratlas.graph.BadRequestException;

/**
 * A listing position: the sort key (name) and the id of a node. Encoded as an opaque string; callers pass it back
 * unchanged.
 *
 * @param name the node's name
 * @param id the node's id
 */
record Cursor(String name, String id) {

	private static final char SEPARATOR = '\u001f';

	String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.name + SEPARATOR + this.id).getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(String text) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			int at = decoded.lastIndexOf(SEPARATOR);
			if (at < 0) {
				throw new IllegalArgumentException();
			}
			return new Cursor(decoded.substring(0, at), decoded.substring(at + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("malformed cursor '" + text + "': pass back a cursor this API returned");
		}
	}

}
