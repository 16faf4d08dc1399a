package org.partneratlas.access;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which other web origins may call the API from a browser ({@code atlas.cors.*}): pages served elsewhere (a dev
 * server on {@code http://localhost:5173}, an intranet portal) calling {@code /graphql}, the published schema and
 * {@code /export}. Empty by default: then no cross-origin browser call is allowed, as before.
 * <p>
 * What GraphQL over HTTP needs: {@code GET} and {@code POST}, the request headers {@code Content-Type},
 * {@code Authorization}, {@code X-Request-Id} and {@code X-Request-Timeout-Ms}, and the response headers a client
 * reads ({@code X-Request-Id}, {@code X-Request-Cost}, {@code Retry-After}, and for exports
 * {@code Content-Disposition} and {@code X-Atlas-Tlp}) exposed. The preflight is answered by Spring Security's CORS
 * filter, first in the chain: it needs no token and never reaches the credential, body, readiness or rate filters,
 * and browsers cache it for {@code max-age}.
 * <p>
 * Tokens travel in the {@code Authorization} header, which needs no credentials mode; {@code allow-credentials}
 * (cookies, TLS client certificates) is off by default and refused at start with a wildcard origin, as with it any
 * site could act with a visitor's cookies. An origin is a scheme, host and optional port, nothing more: a path or a
 * trailing slash never matches what a browser sends, so such a configuration is refused at start too.
 *
 * @param allowedOrigins exact origins ({@code https://portal.example.org}, {@code http://localhost:5173}), or
 * {@code *} for any
 * @param allowCredentials whether browsers may send cookies and client certificates along (never with {@code *})
 * @param maxAge how long a browser may cache a preflight answer (Chromium keeps it at most 2 hours)
 */
@ConfigurationProperties("atlas.cors")
record CrossOrigin(@Nullable List<String> allowedOrigins, @DefaultValue("false") boolean allowCredentials,
		@DefaultValue("1h") Duration maxAge) {

	/** The paths cross-origin callers may reach: the API, its published schema and exports. */
	static final List<String> PATHS = List.of("/graphql", "/graphql/schema", "/graphql/schema.*", "/export");

	static final List<String> METHODS = List.of("GET", "POST");

	static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Authorization", "X-Request-Id",
			"X-Request-Timeout-Ms", "Accept");

	static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id", "X-Request-Cost", "Retry-After",
			"Content-Disposition", "X-Atlas-Tlp", "WWW-Authenticate");

	CrossOrigin {
		allowedOrigins = (allowedOrigins == null) ? List.of()
				: allowedOrigins.stream().map(String::strip).filter((o) -> !o.isEmpty()).toList();
		List<String> problems = new ArrayList<>();
		for (String origin : allowedOrigins) {
			String problem = problem(origin);
			if (problem != null) {
				problems.add("'" + origin + "' " + problem);
			}
		}
		if (allowCredentials && allowedOrigins.contains("*")) {
			problems.add("atlas.cors.allow-credentials=true cannot go with the origin '*': any site could then act "
					+ "with a visitor's cookies; list the origins, or leave allow-credentials off (tokens in the "
					+ "Authorization header need no credentials mode)");
		}
		if (maxAge.isNegative()) {
			problems.add("atlas.cors.max-age must not be negative, not " + maxAge);
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("atlas.cors: " + String.join("; ", problems));
		}
	}

	/** Why {@code origin} can never match what a browser sends in its {@code Origin} header, or null. */
	static @Nullable String problem(String origin) {
		if ("*".equals(origin)) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(origin);
		}
		catch (java.net.URISyntaxException ex) {
			return "is not an origin (scheme://host[:port]): " + ex.getReason();
		}
		String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "is not an origin: it needs the scheme, http:// or https://";
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			return "is not an origin (scheme://host[:port])";
		}
		if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return "has a path, query or trailing slash, which a browser's Origin never has: write "
					+ uri.getScheme() + "://" + uri.getRawAuthority();
		}
		if (origin.contains("*")) {
			return "holds a wildcard; only '*' alone is accepted";
		}
		return null;
	}

	boolean enabled() {
		return !this.allowedOrigins.isEmpty();
	}

	/** What Spring Security's CORS filter answers by: nothing registered when no origin is allowed. */
	CorsConfigurationSource source() {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!enabled()) {
			return source;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(this.allowedOrigins);
		configuration.setAllowedMethods(METHODS);
		configuration.setAllowedHeaders(REQUEST_HEADERS);
		configuration.setExposedHeaders(EXPOSED_HEADERS);
		configuration.setAllowCredentials(this.allowCredentials);
		configuration.setMaxAge(this.maxAge);
		for (String path : PATHS) {
			source.registerCorsConfiguration(path, configuration);
		}
		return source;
	}

}
