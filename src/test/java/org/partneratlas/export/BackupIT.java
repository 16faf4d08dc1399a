package org.partneratlas.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin's lossless backup: taken over HTTP from the service's store, restored into a fresh, empty database, it
 * gives the same checksum; a cut, tampered or malformed backup is refused and leaves the store empty; a non-empty
 * store is refused; every value type and unlabelled or non-Entity data (audit events) survives; only admins may
 * back up, restore or ask for the checksum.
 */
class BackupIT extends AtlasIT {

	static final String ADMIN = "test-red-cleared";

	private static Neo4j fresh;

	private static Driver freshDriver;

	@BeforeAll
	static void freshDatabase() {
		fresh = Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
			.build();
		freshDriver = GraphDatabase.driver(fresh.boltURI(), AuthTokens.none(), Config.builder().withoutEncryption().build());
	}

	@AfterAll
	static void closeFreshDatabase() {
		freshDriver.close();
		fresh.close();
	}

	static Backup backupOf(Driver driver) {
		return new Backup(driver, new CypherStatements(), new AtlasProperties(null, Duration.ofSeconds(10), null, "neo4j"),
				new ExportProperties(Duration.ofMinutes(5)));
	}

	private void wipeFresh() {
		try (var session = freshDriver.session()) {
			session.run("MATCH (n) DETACH DELETE n").consume();
		}
	}

	@Test
	void aBackupRestoredIntoAFreshDatabaseGivesTheSameChecksumAndABrokenOneWritesNothing() throws Exception {
		wipeFresh();
		String checksum = JsonPath.parse(new String(send(ADMIN, "GET", "/admin/checksum", null).body())).read("$.checksum");
		HttpResponse<byte[]> response = send(ADMIN, "GET", "/admin/backup", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains(".jsonl.gz");
		byte[] gzipped = response.body();
		String text = new String(BackupController.ungzipped(new ByteArrayInputStream(gzipped)).readAllBytes(),
				StandardCharsets.UTF_8);
		List<String> lines = text.lines().toList();
		assertThat(lines.getFirst()).contains("\"format\":\"partner-atlas-backup\"");
		assertThat(lines.getLast()).contains("\"checksum\":\"" + checksum + "\"");
		// RED, AMBER+STRICT and access lists are all in: the backup is everything, not a caller's view.
		assertThat(text).contains("\"id\":\"community:creis-csc\"").contains("\"access\":[\"red:");

		Backup target = backupOf(freshDriver);
		String cut = String.join("\n", lines.subList(0, lines.size() - 1));
		assertThatThrownBy(() -> target.restore(stream(cut))).hasMessageContaining("cut short");
		String tampered = text.replaceFirst("\"name\":\"India\"", "\"name\":\"Indya\"");
		assertThat(tampered).isNotEqualTo(text);
		assertThatThrownBy(() -> target.restore(stream(tampered))).hasMessageContaining("does not match the backup");
		String malformed = text.replaceFirst("\\{\"node\"", "{\"nod\"");
		assertThatThrownBy(() -> target.restore(stream(malformed))).hasMessageContaining("line 2 of the backup");
		assertThat(target.checksum().nodes()).as("nothing written by the refused restores").isZero();

		Backup.Summary restored = target.restore(BackupController.ungzipped(new ByteArrayInputStream(gzipped)));
		assertThat(restored.checksum()).isEqualTo(checksum);
		assertThat(target.checksum().checksum()).isEqualTo(checksum);
		assertThat(restored.nodes()).isGreaterThan(500);
		assertThat(restored.relationships()).isGreaterThan(600);
		assertThatThrownBy(() -> target.restore(stream(text))).hasMessageContaining("the store is not empty");
	}

	@Test
	void everyValueTypeUnlabelledNodesAndAuditEventsComeBackAsTheyWere() throws Exception {
		wipeFresh();
		try (var session = freshDriver.session()) {
			session.run("""
					CREATE (e:AuditEvent {id: 'e1', at: datetime('2026-11-30T14:00:00.123456789+01:00[Europe/Paris]'),
					  day: date('2025-03-01'), local: localdatetime('2025-03-01T10:00'), t: time('10:00+02:00'),
					  lt: localtime('10:00:01'), d: duration('P1M2DT3.5S'), p: point({x: 1.5, y: 2.0}),
					  p3: point({longitude: 4.35, latitude: 50.85, height: 10.0}), whole: 1, decimal: 1.0,
					  many: [1, 2], texts: ['a', 'b'], dates: [date('2025-01-01')], yes: true,
					  odd: 'line\\nbreak "quoted" é'})
					CREATE (bare)
					CREATE (bare)-[:NOTED {weight: 0.5}]->(e)
					CREATE (x:Entity:Country {id: 'country:XX', name: 'Xland'})-[:MEMBER_OF {id: 't1'}]->(e)
					""").consume();
		}
		Backup source = backupOf(freshDriver);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Backup.Summary taken = source.backup(out);
		assertThat(taken.nodes()).isEqualTo(3);
		assertThat(taken.relationships()).isEqualTo(2);
		// A float 1.0 stays a float, an integer an integer: the checksum tells them apart.
		try (var session = freshDriver.session()) {
			session.run("MATCH (e:AuditEvent) SET e.decimal = 1").consume();
			assertThat(source.checksum().checksum()).isNotEqualTo(taken.checksum());
			session.run("MATCH (n) DETACH DELETE n").consume();
		}
		Backup.Summary restored = source.restore(new ByteArrayInputStream(out.toByteArray()));
		assertThat(restored).isEqualTo(taken);
		try (var session = freshDriver.session()) {
			var row = session.run("MATCH (e:AuditEvent) RETURN e.decimal AS d, e.whole AS w, e.at AS at, e.p3 AS p")
				.single();
			assertThat(row.get("d").asObject()).isEqualTo(1.0);
			assertThat(row.get("w").asObject()).isEqualTo(1L);
			assertThat(row.get("at").asZonedDateTime().getZone().getId()).isEqualTo("Europe/Paris");
			assertThat(row.get("p").asPoint().srid()).isEqualTo(4979);
		}
	}

	@Test
	void savedQueriesAndViewsWithTheirAuditEventsAreInTheBackupAndComeBackFromIt() throws Exception {
		wipeFresh();
		var analyst = this.graphQl.as("test-green");
		String view = analyst.post("mutation ($input: SaveViewInput!) { saveView(input: $input) { id } }", "input",
				java.util.Map.of("name", "Backed-up view", "marking", "GREEN", "state", java.util.Map.of("steps",
						List.of(java.util.Map.of("op", "add", "id", "country:IN")), "positions",
						List.of(java.util.Map.of("id", "country:IN", "x", 1.5, "y", 2.5)))))
			.read("$.data.saveView.id");
		String query = analyst.post("mutation ($input: SaveQueryInput!) { saveQuery(input: $input) { id } }", "input",
				java.util.Map.of("name", "Backed-up query", "description", "India's name", "document",
						"{ node(id: \"country:IN\") { name } }", "variables", List.of(), "marking", "CLEAR"))
			.read("$.data.saveQuery.id");
		HttpResponse<byte[]> response = send(ADMIN, "GET", "/admin/backup", null);
		String text = new String(BackupController.ungzipped(new ByteArrayInputStream(response.body())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(text).contains("\"id\":\"" + view + "\"").contains("\"id\":\"" + query + "\"")
			.contains("\"SavedView\"").contains("\"SavedQuery\"").contains("\"itemId\":\"" + view + "\"");
		String checksum = JsonPath.parse(text.lines().toList().getLast()).read("$.end.checksum");
		Backup.Summary restored = backupOf(freshDriver)
			.restore(BackupController.ungzipped(new ByteArrayInputStream(response.body())));
		assertThat(restored.checksum()).isEqualTo(checksum);
		String saved = "MATCH (s:Saved) WHERE s.id IN $ids RETURN s.id AS id, labels(s) AS labels, properties(s) AS p ORDER BY id";
		java.util.Map<String, Object> ids = java.util.Map.of("ids", List.of(view, query));
		try (var service = org.partneratlas.support.TestNeo4j.driver().session(); var copy = freshDriver.session()) {
			var before = service.run(saved, ids).list((r) -> r.asMap());
			assertThat(before).hasSize(2);
			assertThat(copy.run(saved, ids).list((r) -> r.asMap())).isEqualTo(before);
			assertThat(copy.run("MATCH (e:AuditEvent) WHERE e.itemId IN $ids RETURN count(e) AS n", ids).single()
				.get("n").asLong()).isEqualTo(2);
		}
	}

	@Test
	void onlyAdminsBackUpRestoreOrAskForTheChecksum() {
		for (String path : List.of("/admin/backup", "/admin/checksum")) {
			assertThat(send(null, "GET", path, null).statusCode()).as(path).isEqualTo(401);
			assertThat(send("test-green", "GET", path, null).statusCode()).as(path).isEqualTo(403);
			assertThat(send("test-editor-ecso", "GET", path, null).statusCode()).as(path).isEqualTo(403);
		}
		HttpResponse<byte[]> restore = send("test-editor-ecso", "POST", "/admin/restore", "{}");
		assertThat(restore.statusCode()).isEqualTo(403);
		assertThat(new String(restore.body())).contains("backups are for admins");
	}

	@Test
	void aRestoreIntoTheServicesOwnStoreIsRefusedAsItIsNotEmpty() {
		HttpResponse<byte[]> response = send(ADMIN, "POST", "/admin/restore",
				"{\"format\":\"partner-atlas-backup\",\"version\":1}\n{\"end\":{\"nodes\":0,\"relationships\":0,\"checksum\":\"x\"}}\n");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(new String(response.body())).contains("the store is not empty");
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<byte[]> send(String token, String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body));
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}


}
