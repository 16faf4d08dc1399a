package org.partneratlas.graph;

/**
 * Who is asking, as a write needs to know it: the caller's name and role for the audit trail, whether the role may
 * write at all and whether it may lower a marking, what the caller may see, and the request's id. The
 * {@code access} module puts one into the GraphQL context of every request; a module that writes reads it with
 * {@code @ContextValue(Author.CONTEXT_KEY)}.
 *
 * @param name who (the token's name, or the JWT subject); {@code anonymous} without credentials
 * @param role the role's name as the audit trail records it ({@code editor})
 * @param writes whether the role may write (editors and admins)
 * @param admin whether the role may lower a marking (admins)
 * @param visibility what the caller may see, and its clearance (the highest marking it may write)
 * @param requestId the request's id, as the audit trail and the {@code X-Request-Id} response header give it
 */
public record Author(String name, String role, boolean writes, boolean admin, Visibility visibility,
		String requestId) {

	/** Where the author is kept in the GraphQL context. */
	public static final String CONTEXT_KEY = "author";

	/** Whether the caller presented no credentials. */
	public boolean anonymous() {
		return "anonymous".equals(this.name);
	}

}
