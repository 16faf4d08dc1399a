package org.partneratlas.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A GraphQL request over HTTP is a JSON object ({@code {"query": ...}}). A JSON body that is anything else
 * ({@code null}, a number, a text, {@code true}) reached Spring for GraphQL as a null request and came back as HTTP
 * 500; here it is a 400 that says what is expected. The body is read once (it is at most the body limit, and the
 * GraphQL handler would read it whole anyway) and handed on unchanged.
 */
@Component
class RequestBodyShape extends OncePerRequestFilter {

	private final io.micrometer.core.instrument.Counter refused;

	RequestBodyShape(io.micrometer.core.instrument.MeterRegistry meters) {
		this.refused = io.micrometer.core.instrument.Counter.builder("atlas.requests.rejected")
			.description("Requests refused before GraphQL, by reason")
			.tag("reason", "body-not-an-object")
			.register(meters);
	}

	/** More than any body limit this service is configured with; never read unbounded. */
	private static final long MAX_READ = 1 << 20;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/graphql")
				|| type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length < 0 || length > MAX_READ) {
			// the body size limit refuses these, before or after this filter
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) length);
		int first = 0;
		while (first < body.length && Character.isWhitespace(body[first])) {
			first++;
		}
		// An array is a batch: the request limits answer for those.
		if (first < body.length && body[first] != '{' && body[first] != '[') {
			this.refused.increment();
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/json");
			response.getWriter()
				.write("{\"errors\":[{\"message\":\"The request body must be a JSON object such as "
						+ "{\\\"query\\\": \\\"{ __typename }\\\"}\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
			return;
		}
		chain.doFilter(new ReplayedRequest(request, body), response);
	}

}
