package org.partneratlas.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the service serves, tried as an anonymous caller, a viewer, an analyst and an admin: GraphQL and
 * GraphiQL are open (the data answers by clearance), liveness and readiness are open without details, and every
 * other operational endpoint is for admins only. The list of endpoints is read from the running application's
 * handler mappings, so a new endpoint fails this test until it is classified here.
 */
class OperationalEndpointsIT extends AtlasIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	/** Served to everyone. */
	private static final Set<String> OPEN = Set.of("/graphql", "/graphiql", "/graphql/schema", "/actuator/health",
			"/actuator/health/**", "/actuator/health/{*path}",
			// the Explorer's sign-in mode (tokens or oidc, the issuer and client id: nothing secret)
			"/explorer/config.json",
			// the schema as SDL and introspection JSON (admins only where introspection is: ProductionProfileIT)
			"/graphql/schema.graphqls", "/graphql/schema.json");

	/** Open like GraphQL: what they answer is what the caller may see. */
	private static final Set<String> ANSWERS_BY_CLEARANCE = Set.of("/export");

	@Autowired
	ApplicationContext context;

	@Test
	void classifiesEveryEndpointTheServiceServes() throws Exception {
		Set<String> served = new TreeSet<>();
		Set<String> postOnly = new java.util.HashSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().keySet().forEach((info) -> {
				served.addAll(info.getPatternValues());
				var methods = info.getMethodsCondition().getMethods();
				if (methods.contains(org.springframework.web.bind.annotation.RequestMethod.POST)
						&& !methods.contains(org.springframework.web.bind.annotation.RequestMethod.GET)) {
					postOnly.addAll(info.getPatternValues());
				}
			});
		}
		// GraphQL's own routes are router functions; they are the OPEN ones above, tried below.
		assertThat(served).as("endpoints").contains("/actuator/metrics", "/actuator/prometheus", "/actuator/health");
		for (String pattern : served) {
			String path = pattern.replace("{requiredMetricName}", "jvm.memory.used")
				.replace("{*path}", "liveness")
				.replace("**", "liveness")
				.replaceAll("\\{[^}]+}", "x");
			if ("/error".equals(pattern)) {
				// the error page: says nothing of the failure it renders
				assertThat(get(path, null).body()).doesNotContain("trace", "exception", "Exception");
				continue;
			}
			if (OPEN.contains(pattern) || pattern.startsWith("/actuator/health")) {
				assertThat(get(path, null).statusCode()).as(path).isLessThan(400);
				continue;
			}
			if (ANSWERS_BY_CLEARANCE.contains(pattern)) {
				// open like GraphQL, the data answering by clearance: a question without its parameters is a 400
				assertThat(get(path, null).statusCode()).as("anonymous " + path).isEqualTo(400);
				assertThat(get(path, "unknown-secret").statusCode()).as("bad token " + path).isEqualTo(401);
				continue;
			}
			assertThat(pattern).as("an endpoint other than GraphQL, exports and health").matches("/(actuator|admin)(/.*)?");
			boolean post = postOnly.contains(pattern);
			assertThat(call(path, null, post).statusCode()).as("anonymous " + path).isEqualTo(401);
			assertThat(call(path, "test-csc-member", post).statusCode()).as("viewer " + path).isEqualTo(403);
			assertThat(call(path, "test-editor-ecso", post).statusCode()).as("editor " + path).isEqualTo(403);
			if (!post) {
				// (a POST for admins changes things: restore is tried by BackupIT)
				assertThat(get(path, "test-red-cleared").statusCode()).as("admin " + path).isIn(200, 404);
			}
		}
	}

	@Test
	void metricsAreForAdminsOnly() throws Exception {
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/metrics/http.server.requests", "test-green").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", "test-amber").statusCode()).isEqualTo(403);
		HttpResponse<String> admin = get("/actuator/metrics", "test-red-cleared");
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("jvm.memory.used");
	}

	@Test
	void healthIsOpenAndSaysNothingMore() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> health = get(path, null);
			assertThat(health.statusCode()).as(path).isEqualTo(200);
			assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details");
		}
		// not even an admin gets the components (the database's address, its version)
		assertThat(get("/actuator/health", "test-red-cleared").body()).doesNotContain("components", "details");
	}

	@Test
	void refusesTwoAuthorizationHeaders() throws Exception {
		HttpResponse<String> both = post(Map.of("Authorization", new String[] { "Bearer test-red-cleared",
				"Bearer unknown-secret" }));
		assertThat(both.statusCode()).isEqualTo(401);
		assertThat(both.body()).contains("more than one Authorization header").doesNotContain("\"data\"");
		assertThat(post(Map.of("Authorization", new String[] { "Bearer test-red-cleared", "Bearer test-red-cleared" }))
			.statusCode()).isEqualTo(401);
		// and the same on the operational endpoints
		assertThat(http.send(HttpRequest.newBuilder(uri("/actuator/metrics"))
			.header("Authorization", "Bearer test-red-cleared")
			.header("Authorization", "Bearer test-red-cleared")
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesAnAuthorizationHeaderThatIsNotOneBearerToken() throws Exception {
		for (String value : new String[] { "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "test-red-cleared",
				"Bearer a b", "Bearer test-red-cleared, Bearer x", "Digest x" }) {
			HttpResponse<String> answer = post(Map.of("Authorization", new String[] { value }));
			assertThat(answer.statusCode()).as(value).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).as(value).isPresent();
		}
		assertThat(post(Map.of("Authorization", new String[] { "bearer test-red-cleared" })).statusCode())
			.isEqualTo(200);
		assertThat(post(Map.of()).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> post(Map<String, String[]> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"));
		headers.forEach((name, values) -> {
			for (String value : values) {
				request.header(name, value);
			}
		});
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> call(String path, String token, boolean post) throws Exception {
		if (!post) {
			return get(path, token);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
