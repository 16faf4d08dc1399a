package org.partneratlas.access;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The cross-origin configuration: what it allows, and the configurations it refuses at start. */
class CrossOriginTests {

	@Test
	void allowsNothingWhenNoOriginIsListed() {
		CrossOrigin none = new CrossOrigin(null, false, Duration.ofHours(1));
		assertThat(none.enabled()).isFalse();
		assertThat(none.source().getCorsConfiguration(request("/graphql"))).isNull();
		assertThat(new CrossOrigin(List.of(" ", ""), false, Duration.ofHours(1)).enabled()).isFalse();
	}

	@Test
	void allowsWhatGraphQlOverHttpNeedsOnTheApiPathsOnly() {
		CrossOrigin cors = new CrossOrigin(List.of("http://localhost:5173", "https://portal.example.org"), false,
				Duration.ofMinutes(30));
		CorsConfiguration graphql = cors.source().getCorsConfiguration(request("/graphql"));
		assertThat(graphql).isNotNull();
		assertThat(graphql.getAllowedOrigins()).containsExactly("http://localhost:5173", "https://portal.example.org");
		assertThat(graphql.getAllowedMethods()).containsExactly("GET", "POST");
		assertThat(graphql.getAllowedHeaders()).contains("Content-Type", "Authorization", "X-Request-Id");
		assertThat(graphql.getExposedHeaders()).contains("X-Request-Id", "X-Request-Cost", "Retry-After");
		assertThat(graphql.getMaxAge()).isEqualTo(1800);
		assertThat(graphql.getAllowCredentials()).isFalse();
		assertThat(cors.source().getCorsConfiguration(request("/graphql/schema.json"))).isNotNull();
		assertThat(cors.source().getCorsConfiguration(request("/export"))).isNotNull();
		assertThat(cors.source().getCorsConfiguration(request("/admin/backup"))).as("admin endpoints").isNull();
		assertThat(cors.source().getCorsConfiguration(request("/actuator/metrics"))).isNull();
	}

	@Test
	void refusesCredentialsWithAWildcardAtStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new CrossOrigin(List.of("https://a.example.org", "*"), true, Duration.ofHours(1)))
			.withMessageContaining("allow-credentials=true cannot go with the origin '*'");
		// a wildcard without credentials, and credentials with listed origins, are fine
		assertThat(new CrossOrigin(List.of("*"), false, Duration.ofHours(1)).enabled()).isTrue();
		assertThat(new CrossOrigin(List.of("https://a.example.org"), true, Duration.ofHours(1)).source()
			.getCorsConfiguration(request("/graphql"))
			.getAllowCredentials()).isTrue();
	}

	@Test
	void refusesOriginsNoBrowserEverSendsAndSaysWhatToWrite() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new CrossOrigin(List.of("http://localhost:5173/"), false, Duration.ofHours(1)))
			.withMessageContaining("'http://localhost:5173/' has a path, query or trailing slash")
			.withMessageContaining("write http://localhost:5173");
		for (String bad : List.of("localhost:5173", "portal.example.org", "ftp://example.org", "https://*.example.org",
				"https://example.org/app", "https://user@example.org", "http://exa mple.org")) {
			assertThatIllegalStateException().as(bad)
				.isThrownBy(() -> new CrossOrigin(List.of("https://fine.example.org", bad), false, Duration.ofHours(1)))
				.withMessageContaining("'" + bad + "'");
		}
		assertThatIllegalStateException()
			.isThrownBy(() -> new CrossOrigin(List.of("https://a.example.org"), false, Duration.ofSeconds(-1)))
			.withMessageContaining("max-age");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CrossOrigin.class)
	static class Binding {

	}

	@Test
	void bindsACommaSeparatedListAndStopsTheStartOnAConfigurationItRefuses() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);
		runner.withPropertyValues("atlas.cors.allowed-origins=http://localhost:5173, https://portal.example.org")
			.run((context) -> assertThat(context.getBean(CrossOrigin.class).allowedOrigins())
				.containsExactly("http://localhost:5173", "https://portal.example.org"));
		runner.run((context) -> assertThat(context.getBean(CrossOrigin.class).enabled()).isFalse());
		runner.withPropertyValues("atlas.cors.allowed-origins=*", "atlas.cors.allow-credentials=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("allow-credentials=true cannot go with the origin '*'"));
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", path);
		request.setRequestURI(path);
		return request;
	}

}
