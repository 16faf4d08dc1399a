package org.partneratlas.access;

import java.util.Map;

import graphql.introspection.Introspection;
import reactor.core.publisher.Mono;

import org.partneratlas.graph.Visibility;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Puts the caller's {@link Visibility} into the GraphQL context, where every controller reads it
 * ({@code @ContextValue Visibility visibility}) and passes it into every read statement: the authenticated caller's
 * clearance, organisation and recipient groups, or CLEAR only for an anonymous caller. Where introspection is for
 * admins only (the {@code prod} profile), it is switched off for everyone else.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

	private final boolean introspectionForAdminsOnly;

	CallerInterceptor(AccessProperties access) {
		this.introspectionForAdminsOnly = "admins".equals(access.introspection());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Caller caller = caller();
		Visibility visibility = caller.visibility();
		boolean noIntrospection = this.introspectionForAdminsOnly && caller.role() != Role.ADMIN;
		request.configureExecutionInput((input, builder) -> builder.graphQLContext((context) -> {
			context.put(Visibility.CONTEXT_KEY, visibility);
			if (noIntrospection) {
				context.put(Introspection.INTROSPECTION_DISABLED, true);
			}
		}).build());
		return chain.next(request);
	}

	/** The caller of this request; anonymous when no token was presented. */
	static Caller caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return Caller.of(jwt.getSubject(), jwt.getClaims());
		}
		if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal p) {
			return Caller.of(p.getName(), p.getAttributes());
		}
		return Caller.of("anonymous", Map.of());
	}

}
