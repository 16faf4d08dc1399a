package org.partneratlas.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.partneratlas.support.AtlasIT;
import org.partneratlas.support.SecondOrigin;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-origin calls over HTTP, as a browser makes them: the preflight of an allowed origin is answered before any
 * other filter sees it (no token needed, nothing counted), an origin not listed gets no permission, and callers that
 * send no {@code Origin} (servers, curl, the Explorer on the service's own origin) are served as before. The browser
 * side is {@code explorer.FrontEndIT}.
 */
class CrossOriginIT extends AtlasIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	MeterRegistry meters;

	@Test
	void answersThePreflightOfAnAllowedOriginWithWhatGraphQlOverHttpNeeds() throws Exception {
		double refusedBefore = refused();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> preflight = preflight("/graphql", SecondOrigin.allowed(),
					"content-type,authorization,x-request-id");
			assertThat(preflight.statusCode()).isEqualTo(200);
			assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(SecondOrigin.allowed());
			assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("POST").contains("GET");
			assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase(Locale.ROOT))
				.contains("content-type").contains("authorization").contains("x-request-id");
			assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("3600");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
			assertThat(preflight.headers().allValues("Vary").toString()).contains("Origin");
		}
		// no credential filter, body check, readiness gate or rate limit refused or counted it
		assertThat(refused()).isEqualTo(refusedBefore);
	}

	@Test
	void refusesThePreflightOfAnOriginNotListedAndPermitsNoOtherHeader() throws Exception {
		HttpResponse<String> other = preflight("/graphql", SecondOrigin.notAllowed(), "content-type");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		// a header not listed is left out of the permission, so the browser does not send the request
		HttpResponse<String> otherHeader = preflight("/graphql", SecondOrigin.allowed(), "content-type,x-secret");
		assertThat(otherHeader.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT))
			.doesNotContain("x-secret");
		assertThat(preflight("/graphql", SecondOrigin.allowed(), "x-secret").statusCode()).isEqualTo(403);
		// the admin's endpoints are not for other origins at all
		HttpResponse<String> backup = preflight("/admin/backup", SecondOrigin.allowed(), "authorization");
		assertThat(backup.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void answersAnAllowedOriginsQueryAndExposesTheHeadersAClientReads() throws Exception {
		HttpResponse<String> answer = post(SecondOrigin.allowed(), "test-amber");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"name\":\"amber\"");
		assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo(SecondOrigin.allowed());
		assertThat(header(answer, "Access-Control-Expose-Headers")).contains("X-Request-Id").contains("X-Request-Cost")
			.contains("Retry-After");
		assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void refusesTheQueryOfAnOriginNotListedWithoutAnsweringIt() throws Exception {
		HttpResponse<String> answer = post(SecondOrigin.notAllowed(), "test-amber");
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.body()).doesNotContain("amber");
		assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void servesCallersThatSendNoOriginAsBefore() throws Exception {
		HttpResponse<String> answer = post(null, null);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"anonymous\":true");
		assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private double refused() {
		return this.meters.find("atlas.requests.rejected").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private HttpResponse<String> preflight(String path, String origin, String headers) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", headers)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String origin, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { name anonymous } }\"}"));
		if (origin != null) {
			request.header("Origin", origin);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
	}

}
