package org.partneratlas.access;

import java.util.Locale;

/** What a caller may do. Only editors and admins write; analysts and viewers never do. */
enum Role {

	VIEWER, ANALYST, EDITOR, ADMIN;

	static Role of(String name) {
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return VIEWER;
		}
	}

	boolean writes() {
		return this == EDITOR || this == ADMIN;
	}

}
