package org.partneratlas.access;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import graphql.introspection.Introspection;
import reactor.core.publisher.Mono;

import org.partneratlas.graph.Author;
import org.partneratlas.graph.Visibility;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the caller's {@link Visibility} into the GraphQL context, where every controller reads it
 * ({@code @ContextValue Visibility visibility}) and passes it into every read statement: the authenticated caller's
 * clearance, organisation and recipient groups, or CLEAR only for an anonymous caller. Beside it goes the
 * {@link Author} (name, role, whether it may write or lower a marking, request id) that writes and the audit trail
 * read. Where introspection is for
 * admins only (the {@code prod} profile), it is switched off for everyone else.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

	static final String REQUEST_ID = "X-Request-Id";

	/** Where the caller itself is kept in the GraphQL context (for {@code me}). */
	static final String CALLER = "caller";

	private static final Pattern REQUEST_ID_FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final boolean introspectionForAdminsOnly;

	CallerInterceptor(AccessProperties access) {
		this.introspectionForAdminsOnly = "admins".equals(access.introspection());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Caller caller = caller();
		Visibility visibility = caller.visibility();
		String requestId = requestId(request);
		Author author = new Author(caller.name(), caller.role().name().toLowerCase(Locale.ROOT), caller.role().writes(),
				caller.role() == Role.ADMIN, visibility, requestId);
		boolean noIntrospection = this.introspectionForAdminsOnly && caller.role() != Role.ADMIN;
		request.configureExecutionInput((input, builder) -> builder.graphQLContext((context) -> {
			context.put(Visibility.CONTEXT_KEY, visibility);
			context.put(Author.CONTEXT_KEY, author);
			context.put(CALLER, caller);
			if (noIntrospection) {
				context.put(Introspection.INTROSPECTION_DISABLED, true);
			}
		}).build());
		if (request.getAttributes().get("atlas.requestId") != null) {
			// the HTTP filter that made the id has already put it in the response header
			return chain.next(request);
		}
		return chain.next(request).doOnNext((response) -> response.getResponseHeaders().set(REQUEST_ID, requestId));
	}

	/**
	 * The request's id: the caller's {@code X-Request-Id} when it is a plain token (so a gateway's id runs through
	 * to the audit trail), otherwise one made here. It is echoed in the response header of the same name.
	 */
	private static String requestId(WebGraphQlRequest request) {
		// made once per HTTP request by operations.RequestIds, so that the logs and the audit trail agree
		if (request.getAttributes().get("atlas.requestId") instanceof String made) {
			return made;
		}
		String given = request.getHeaders().getFirst(REQUEST_ID);
		return (given != null && REQUEST_ID_FORM.matcher(given).matches()) ? given : UUID.randomUUID().toString();
	}

	/** The caller of this request; anonymous when no token was presented. */
	static Caller caller() {
		return Caller.of(SecurityContextHolder.getContext().getAuthentication());
	}

}
