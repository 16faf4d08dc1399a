package org.partneratlas.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.partneratlas.graph.CypherStatements;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Imports of small malformed sources: every problem is listed with its file, record and field, nothing is written,
 * and nothing crashes; a changed source updates what changed, with a version bump and an audit event per change.
 */
class ImportProblemsIT {

	private static final Path FIXTURES = Path.of("src/test/resources/import");

	private static final Importer.Runner RUNNER = new Importer.Runner("import:test", "admin");

	private static Driver driver;

	private static Importer importer;

	@BeforeAll
	static void store() {
		driver = TestNeo4j.fixtures();
		importer = new Importer(driver, new CypherStatements());
	}

	@Test
	void listsEveryProblemWithFileRecordAndFieldAndWritesNothing() {
		ImportReport report = importer.run(FIXTURES.resolve("broken/mapping.yaml"), false, RUNNER, (line) -> {
		});
		assertThat(report.written()).isFalse();
		assertThat(report.problems()).extracting(ImportReport.Problem::file, ImportReport.Problem::record,
				ImportReport.Problem::field)
			.contains(tuple("cable/a.json", "cable/a.json", "lengthKm"), tuple("cable/a.json", "cable/a.json", "start"),
					tuple("cable/a.json", "cable/a.json#/landing_points/0", "to"), tuple("cable/b.json", "cable/b.json", "id"),
					tuple("cable/d.json", "", ""));
		assertThat(report.problems()).anySatisfy((p) -> assertThat(p.reason()).contains("unknown country 'Atlantis'"));
		assertThat(report.problems()).anySatisfy((p) -> assertThat(p.reason()).contains("malformed number '12 parsecs'"));
		assertThat(report.problems()).anySatisfy((p) -> assertThat(p.reason()).contains("bad date '20x3'"));
		assertThat(report.problems()).anySatisfy((p) -> assertThat(p.reason()).startsWith("duplicate key cable:fx-a"));
		assertThat(report.problems()).anySatisfy((p) -> assertThat(p.reason()).startsWith("not valid JSON"));
		assertThat(count("MATCH (n:Entity) WHERE n.id STARTS WITH 'cable:fx-' OR n.id = 'source:fixture-broken' "
				+ "RETURN count(n) AS n")).isZero();
	}

	@Test
	void aDanglingReferenceIsAProblemOnItsField() throws IOException {
		ImportReport report = importer.run(FIXTURES.resolve("broken/mapping.yaml"), true, RUNNER, (line) -> {
		});
		assertThat(report.problems()).anySatisfy((p) -> {
			assertThat(p.record()).isEqualTo("cable/c.json#/programmes/0");
			assertThat(p.field()).isEqualTo("to");
			assertThat(p.reason()).contains("programme:missing");
		});
	}

	@Test
	void aCsvRowIsLocatedByItsLine() {
		ImportReport report = importer.run(FIXTURES.resolve("csv/mapping.yaml"), true, RUNNER, (line) -> {
		});
		assertThat(report.problems()).extracting(ImportReport.Problem::record, ImportReport.Problem::field)
			.containsExactlyInAnyOrder(tuple("orgs.csv:3", "kind"), tuple("orgs.csv:4", ""));
	}

	@Test
	void aChangedSourceUpdatesWhatChangedWithAVersionAndAnAuditEvent(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("mapping.yaml"), Files.readString(FIXTURES.resolve("csv/mapping.yaml"))
			.replace("id: source:fixture-orgs", "id: source:fixture-orgs-changing"));
		Files.writeString(dir.resolve("orgs.csv"), """
				code,name,short,kind,marking,country
				fx-changing-one,Changing One,C1,company,,PT
				fx-changing-two,Changing Two,,association,AMBER,PT
				""");
		ImportReport first = importer.run(dir.resolve("mapping.yaml"), false, RUNNER, (line) -> {
		});
		assertThat(first.problems()).isEmpty();
		assertThat(first.created()).isEqualTo(3);
		assertThat(props("org:fx-changing-two")).containsEntry("tlp", "AMBER").containsEntry("version", 1L);
		Files.writeString(dir.resolve("orgs.csv"), """
				code,name,short,kind,marking,country
				fx-changing-one,Changing One,C1,company,,PT
				fx-changing-two,Changing Two Renamed,,association,AMBER,PT
				""");
		ImportReport second = importer.run(dir.resolve("mapping.yaml"), false, RUNNER, (line) -> {
		});
		assertThat(second.problems()).isEmpty();
		assertThat(second.updated()).isEqualTo(1);
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(props("org:fx-changing-two")).containsEntry("name", "Changing Two Renamed").containsEntry("version",
				2L);
		try (var session = driver.session()) {
			// read as history reads them: the first run created on the create-only path (its event is an entry of
			// an audit batch), the second updated (an event of its own)
			List<Map<String, Object>> events = session
				.run(new CypherStatements().text("editing/history"),
						Map.of("id", "org:fx-changing-two", "endId", "", "first", 10, "grants",
								List.of("tlp:CLEAR", "tlp:GREEN", "tlp:AMBER")))
				.list((r) -> r.get("event").asMap());
			assertThat(events).extracting((e) -> e.get("action")).containsExactly("UPDATED", "CREATED");
			assertThat(String.valueOf(events.get(0).get("changes"))).contains("Changing Two Renamed");
			assertThat(String.valueOf(events.get(1).get("changes"))).contains("Changing Two\"");
		}
		ImportReport third = importer.run(dir.resolve("mapping.yaml"), false, RUNNER, (line) -> {
		});
		assertThat(third.created() + third.updated()).isZero();
		assertThat(third.written()).isFalse();
	}

	private static long count(String query) {
		try (var session = driver.session()) {
			return session.run(query).single().get("n").asLong();
		}
	}

	private static Map<String, Object> props(String id) {
		try (var session = driver.session()) {
			return session.run("MATCH (n:Entity {id: $id}) RETURN properties(n) AS p", Map.of("id", id))
				.single()
				.get("p")
				.asMap();
		}
	}

}
