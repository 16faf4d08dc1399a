package org.partneratlas.explorer;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy of everything the service answers: scripts, styles, images and connections from the
 * service itself only (no inline script, no {@code eval}, no CDN), nothing may frame the page, and in {@code oidc}
 * mode the page may also talk to the identity provider (discovery and token endpoints) and send the browser there to
 * sign in. GraphiQL ({@code /graphiql}, off in the {@code prod} profile) is served from WebJars by the service too and
 * keeps the same policy, but for the fonts its style sheet carries inline as {@code data:} URLs and no identity
 * provider (it takes a token in its headers editor).
 */
@Component
class ContentSecurityPolicy extends OncePerRequestFilter {

	private final String policy;

	private final String graphiQlPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

	ContentSecurityPolicy(@Value("${atlas.access.mode:tokens}") String mode,
			@Value("${atlas.access.oidc.issuer:#{null}}") @Nullable String issuer) {
		String idp = ("oidc".equals(mode) && issuer != null) ? " " + origin(issuer) : "";
		this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
				+ "font-src 'self'; connect-src 'self'" + idp + "; form-action 'self'" + idp
				+ "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
	}

	/** The scheme, host and port of a URL: what a CSP source names. */
	static String origin(String url) {
		java.net.URI uri = java.net.URI.create(url);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy",
				request.getRequestURI().startsWith("/graphiql") ? this.graphiQlPolicy : this.policy);
		response.setHeader("Referrer-Policy", "no-referrer");
		chain.doFilter(request, response);
	}

}
