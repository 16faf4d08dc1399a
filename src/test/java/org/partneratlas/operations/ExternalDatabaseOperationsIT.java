package org.partneratlas.operations;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it runs in production, against an external Neo4j, with a private management port: Prometheus
 * metrics are scraped there without credentials while the rest of the actuator stays for admins; and an external
 * Neo4j that goes away and comes back: a second Neo4j, started by this test on a loopback port, is
 * stopped under the running service and started again on the same port and store. Readiness must say DOWN within
 * 2 s, a question must get a clear UNAVAILABLE error with HTTP 503 and Retry-After, and the service must answer again
 * by itself within 10 s of the database's return. Bounded: each wait has its deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "atlas.operations.slow-request=0ms" })
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ExternalDatabaseOperationsIT {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final String QUESTION = "{\"query\":\"{ node(id: \\\"union:eu\\\") { name } }\"}";

	static Path store;

	static int bolt;

	static DatabaseManagementService database;

	@LocalServerPort
	int port;

	@org.springframework.boot.test.web.server.LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void externalNeo4j(DynamicPropertyRegistry registry) throws Exception {
		store = Files.createTempDirectory("atlas-outage");
		try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			bolt = free.getLocalPort();
		}
		database = start();
		registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + bolt);
		registry.add("spring.neo4j.authentication.password", () -> "");
	}

	static DatabaseManagementService start() {
		return new DatabaseManagementServiceBuilder(store)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", bolt))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
			.build();
	}

	@AfterAll
	static void stop() {
		if (database != null) {
			database.shutdown();
		}
	}

	@Test
	@org.junit.jupiter.api.Order(1)
	void servesPrometheusMetricsOnThePrivatePortOnly() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(post().statusCode()).isEqualTo(200);
		HttpResponse<String> scrape = get(this.managementPort, "/actuator/prometheus", null);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("atlas_graphql_requests_seconds_count", "outcome=\"success\"",
				"http_server_requests_seconds", "atlas_cypher_statements_total", "jvm_memory_used_bytes");
		assertThat(scrape.body()).as("the driver's observations").containsPattern("(?m)^neo4j_");
		assertThat(get(this.managementPort, "/actuator/metrics", null).statusCode()).as("only the scrape is open")
			.isEqualTo(401);
		assertThat(get(this.port, "/actuator/prometheus", null).statusCode()).as("not on the API port")
			.isIn(401, 404);
		assertThat(get(this.port, "/actuator/metrics", null).statusCode()).isIn(401, 404);
	}

	@Test
	@org.junit.jupiter.api.Order(2)
	void logsSlowRequestsWithTheRequestIdAndNoValues(
			org.springframework.boot.test.system.CapturedOutput output) throws Exception {
		String query = "{\"query\":\"query Lookup($id: ID!) { node(id: $id) { name } }\","
				+ "\"variables\":{\"id\":\"SECRET-VALUE-9\"}}";
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port
				+ "/graphql"))
			.header("Content-Type", "application/json")
			.header("X-Request-Id", "trace-me-42")
			.POST(HttpRequest.BodyPublishers.ofString(query))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("trace-me-42");
		assertThat(until(Duration.ofSeconds(5), () -> output.getOut().contains("trace-me-42"))).isTrue();
		String line = output.getOut()
			.lines()
			.filter((l) -> l.contains("Slow request") && l.contains("trace-me-42"))
			.findFirst()
			.orElseThrow();
		assertThat(line).contains("Slow request trace-me-42: operation Lookup (query), fields node");
		assertThat(output.getOut()).doesNotContain("SECRET-VALUE-9");
	}

	@Test
	@org.junit.jupiter.api.Order(3)
	void goesNotReadyAnswersUnavailableAndRecoversByItself() throws Exception {
		assertThat(until(Duration.ofSeconds(60), () -> get("/actuator/health/readiness").statusCode() == 200))
			.as("ready before the outage").isTrue();
		HttpResponse<String> before = post();
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(before.body(), "$.data.node.name")).isEqualTo("European Union");

		database.shutdown();
		database = null;
		long down = System.nanoTime();
		assertThat(until(Duration.ofSeconds(2), () -> get("/actuator/health/readiness").statusCode() == 503))
			.as("readiness DOWN within 2 s of the database going away").isTrue();
		HttpResponse<String> during = post();
		assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
		assertThat(during.headers().firstValue("Retry-After")).isPresent();
		assertThat(JsonPath.<String>read(during.body(), "$.errors[0].extensions.classification"))
			.isEqualTo("UNAVAILABLE");
		assertThat(JsonPath.<String>read(during.body(), "$.errors[0].message")).contains("cannot be reached");
		assertThat(during.body()).doesNotContain("INTERNAL_ERROR", "Exception");
		assertThat(System.nanoTime() - down).as("the failing request answered quickly")
			.isLessThan(Duration.ofSeconds(8).toNanos());

		database = start();
		assertThat(until(Duration.ofSeconds(10), () -> {
			HttpResponse<String> again = post();
			return again.statusCode() == 200 && again.body().contains("European Union");
		})).as("answers again within 10 s of the database's return, without a restart").isTrue();
		assertThat(until(Duration.ofSeconds(10), () -> get("/actuator/health/readiness").statusCode() == 200))
			.as("ready again").isTrue();
	}

	interface Check {

		boolean holds() throws Exception;

	}

	private static boolean until(Duration deadline, Check check) throws Exception {
		long end = System.nanoTime() + deadline.toNanos();
		do {
			if (check.holds()) {
				return true;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < end);
		return false;
	}

	private HttpResponse<String> post() throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(QUESTION))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(this.managementPort, path, null);
	}

	private static HttpResponse<String> get(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
