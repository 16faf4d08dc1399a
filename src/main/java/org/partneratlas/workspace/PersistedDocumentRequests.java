package org.partneratlas.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.partneratlas.access.ReplayedRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Persisted-document requests (the GraphQL over HTTP persisted documents appendix): {@code {"documentId": ...,
 * "variables": ...}} instead of {@code {"query": ...}}, by POST, or by GET with {@code documentId},
 * {@code variables} and {@code operationName} as URL parameters.
 * <p>
 * Spring for GraphQL reads only {@code query} (or Apollo's {@code extensions.persistedQuery}) from a request, so this
 * filter, in front of it, takes the {@code documentId} out of the request, keeps it as a request attribute (which a
 * caller cannot set), and hands on a request that Spring for GraphQL reads as a persisted query (graphql-java's {@code PersistedQuerySupport} marker); the
 * {@link TrustedDocuments} interceptor then puts in the document the id names for this caller, after the caller is
 * known. Everything else (the body limits, the readiness gate, the rate limit, depth, cost and the deadline) treats
 * the request as any other. A request with both {@code query} and {@code documentId} is refused: which one would run
 * is not for the service to guess.
 */
@Component
class PersistedDocumentRequests extends OncePerRequestFilter {

	/** The request attribute that holds the {@code documentId} the caller sent. */
	static final String DOCUMENT_ID = PersistedDocumentRequests.class.getName() + ".documentId";

	/** The request attribute set when the document was asked for with GET (a mutation may not run then). */
	static final String BY_GET = PersistedDocumentRequests.class.getName() + ".get";

	/** More than any body limit this service is configured with; never read unbounded. */
	private static final long MAX_READ = 1 << 20;

	private final JsonMapper json;

	PersistedDocumentRequests(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"/graphql".equals(request.getRequestURI())) {
			return true;
		}
		if ("GET".equals(request.getMethod())) {
			return request.getParameter("documentId") == null;
		}
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(Locale.ROOT).contains("json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("GET".equals(request.getMethod())) {
			get(request, response, chain);
			return;
		}
		long length = request.getContentLengthLong();
		if (length < 0 || length > MAX_READ) {
			// the body limits refuse these
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) length);
		Map<String, Object> fields = null;
		// only a body that mentions documentId is parsed here (the GraphQL handler parses every body anyway)
		if (mentions(body, DOCUMENT_ID_KEY)) {
			try {
				fields = object(this.json.readValue(body, Object.class));
			}
			catch (JacksonException ex) {
				fields = null;
			}
		}
		if (fields == null || !fields.containsKey("documentId")) {
			// not a persisted-document request (or not JSON at all: Spring for GraphQL says so)
			chain.doFilter(new Body(request, body), response);
			return;
		}
		forward(fields, request, response, chain, false);
	}

	private void get(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("documentId", request.getParameter("documentId"));
		for (String name : new String[] { "variables", "extensions" }) {
			String value = request.getParameter(name);
			if (value != null && !value.isEmpty()) {
				try {
					fields.put(name, this.json.readValue(value, Object.class));
				}
				catch (JacksonException ex) {
					refuse(response, "'" + name + "' must be a JSON object, as URL-encoded text");
					return;
				}
			}
		}
		String operationName = request.getParameter("operationName");
		if (operationName != null && !operationName.isEmpty()) {
			fields.put("operationName", operationName);
		}
		if (request.getParameter("query") != null) {
			fields.put("query", request.getParameter("query"));
		}
		forward(fields, request, response, chain, true);
	}

	private void forward(Map<String, Object> fields, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain, boolean byGet) throws ServletException, IOException {
		if (fields.get("query") != null) {
			refuse(response, "Send either 'query' or 'documentId', not both");
			return;
		}
		if (!(fields.get("documentId") instanceof String id) || id.isBlank() || id.length() > 200) {
			refuse(response, "'documentId' must be the id of a catalogue query (see queryCatalogue), as text of at "
					+ "most 200 characters");
			return;
		}
		for (String name : new String[] { "variables", "extensions" }) {
			if (fields.get(name) != null && !(fields.get(name) instanceof Map)) {
				refuse(response, "'" + name + "' must be a JSON object");
				return;
			}
		}
		Map<String, Object> forwarded = new LinkedHashMap<>(fields);
		forwarded.remove("documentId");
		forwarded.remove("query");
		Map<String, Object> extensions = new LinkedHashMap<>(
				(fields.get("extensions") instanceof Map<?, ?> given) ? object(given) : Map.of());
		// what Spring for GraphQL reads as "the document comes from elsewhere" (PersistedQuerySupport's marker)
		extensions.put("persistedQuery", Map.of("documentId", id));
		forwarded.put("extensions", extensions);
		request.setAttribute(DOCUMENT_ID, id);
		if (byGet) {
			request.setAttribute(BY_GET, true);
		}
		chain.doFilter(new Body(request, this.json.writeValueAsBytes(forwarded)), response);
	}

	private static final byte[] DOCUMENT_ID_KEY = "documentId".getBytes(StandardCharsets.US_ASCII);

	/** Whether the bytes hold the key as it is written (JSON may escape it; such a body is not read as one). */
	static boolean mentions(byte[] body, byte[] key) {
		outer: for (int i = 0; i <= body.length - key.length; i++) {
			for (int j = 0; j < key.length; j++) {
				if (body[i + j] != key[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
	}

	private static void refuse(HttpServletResponse response, String message) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("application/json");
		response.getWriter()
			.write("{\"errors\":[{\"message\":" + JsonMapper.shared().writeValueAsString(message)
					+ ",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
	}

	/** The request with a JSON body of its own (read again as often as asked), as a POST. */
	private static final class Body extends ReplayedRequest {

		Body(HttpServletRequest request, byte[] body) {
			super(request, body);
		}

		@Override
		public String getMethod() {
			return "POST";
		}

		@Override
		public String getContentType() {
			String type = super.getContentType();
			return (type != null && "POST".equals(super.getMethod())) ? type : "application/json";
		}

		@Override
		public String getHeader(String name) {
			if ("Content-Type".equalsIgnoreCase(name)) {
				return getContentType();
			}
			if ("Content-Length".equalsIgnoreCase(name)) {
				return String.valueOf(bodyLength());
			}
			return super.getHeader(name);
		}

		@Override
		public java.util.Enumeration<String> getHeaders(String name) {
			if ("Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)) {
				return java.util.Collections.enumeration(java.util.List.of(getHeader(name)));
			}
			return super.getHeaders(name);
		}

		@Override
		public java.util.Enumeration<String> getHeaderNames() {
			java.util.Set<String> names = new java.util.LinkedHashSet<>(
					java.util.Collections.list(super.getHeaderNames()));
			names.add("Content-Type");
			names.add("Content-Length");
			return java.util.Collections.enumeration(names);
		}

		@Override
		public String getCharacterEncoding() {
			return StandardCharsets.UTF_8.name();
		}

	}

}
