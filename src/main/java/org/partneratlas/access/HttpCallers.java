package org.partneratlas.access;

import java.util.Locale;
import java.util.UUID;

import org.partneratlas.graph.Author;

/**
 * The caller of the current HTTP request for endpoints outside GraphQL (exports, backups): the same authentication
 * as {@code /graphql} (a bearer token that must be good, anonymous otherwise, CLEAR only), turned into the same
 * {@link Author} the GraphQL context carries, so that every endpoint reads one notion of who is calling.
 */
public final class HttpCallers {

	private HttpCallers() {
	}

	/** Who is calling this request; anonymous (CLEAR only) when no token was presented. */
	public static Author current() {
		Caller caller = CallerInterceptor.caller();
		return new Author(caller.name(), caller.role().name().toLowerCase(Locale.ROOT), caller.role().writes(),
				caller.role() == Role.ADMIN, caller.visibility(), UUID.randomUUID().toString());
	}

}
