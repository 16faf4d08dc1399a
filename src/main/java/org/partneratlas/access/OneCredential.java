package org.partneratlas.access;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses ambiguous credentials before anyone reads them: two {@code Authorization} headers (a proxy that appends
 * one, a client that sends an old and a new token) are not served as whichever comes first, and a header that is not
 * one {@code Bearer <token>} (Basic, a bare token, an empty value) is not quietly ignored into anonymous access. Both
 * get 401 with a {@code WWW-Authenticate} challenge (RFC 6750 {@code invalid_request}).
 */
final class OneCredential extends OncePerRequestFilter {

	private final Counter refused;

	OneCredential(MeterRegistry meters) {
		this.refused = Counter.builder("atlas.requests.rejected")
			.description("Requests refused before GraphQL, by reason")
			.tag("reason", "ambiguous-credentials")
			.register(meters);
	}

	/** RFC 6750's b64token after the scheme, nothing else. */
	private static final Pattern BEARER = Pattern.compile("(?i)bearer [A-Za-z0-9\\-._~+/]+=*");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
		String problem = (headers.size() > 1) ? "more than one Authorization header"
				: (headers.size() == 1 && !BEARER.matcher(headers.get(0)).matches())
						? "the Authorization header is not 'Bearer <token>'" : null;
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		this.refused.increment();
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer error=\"invalid_request\", error_description=\"" + problem + "\"");
		response.setContentType("application/json");
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"Ambiguous credentials: " + problem
					+ "; present exactly one 'Authorization: Bearer <token>' header, or none\","
					+ "\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}");
	}

}
