package org.partneratlas.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.SchemaRunner;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The open submarine cable map, imported with the shipped mapping into the curated graph (on the harness's fixtures
 * database): the counts the dataset implies, computed here from its files, the curated cables matched and not
 * duplicated, a dry run that writes nothing and a second run that changes nothing. The data is read from
 * {@code ../shared/data/} and never copied into the project; without it these tests are skipped, saying so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CableMapImportIT {

	static final Path DATA = Path.of("../shared/data/open-undersea-cable-map");

	static final Path MAPPING = Path.of("mappings/open-undersea-cable-map.yaml");

	static final String DATASET = "source:open-undersea-cable-map";

	static final Importer.Runner RUNNER = new Importer.Runner("import:test", "admin");

	private static Driver driver;

	private static Importer importer;

	private static Expected expected;

	@BeforeAll
	static void curatedGraph() throws IOException {
		assumeTrue(Files.isDirectory(DATA.resolve("cable")), "SKIPPED: the open submarine cable map is not at "
				+ DATA.toAbsolutePath().normalize() + " (see ../shared/data/README.md)");
		driver = TestNeo4j.fixtures();
		try (var session = driver.session()) {
			session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume();
		}
		CypherStatements statements = new CypherStatements();
		new SchemaRunner(driver).apply();
		new GraphWriter(driver, statements).write(SeedLoader.read("classpath*:seed-data/"));
		importer = new Importer(driver, statements);
		expected = Expected.from(DATA, MAPPING);
	}

	@Test
	@Order(1)
	void aDryRunChecksEverythingAndWritesNothing() {
		long events = count("MATCH (e:AuditEvent) RETURN count(e) AS n");
		ImportReport report = importer.run(MAPPING, true, RUNNER, (line) -> {
		});
		assertThat(report.problems()).isEmpty();
		assertThat(report.written()).isFalse();
		assertThat(report.read()).isEqualTo(expected.records());
		assertThat(report.created()).isGreaterThan(expected.cables().size() + expected.landings());
		assertThat(count("MATCH (n:Entity) WHERE $d IN n.sourceIds RETURN count(n) AS n")).isZero();
		assertThat(count("MATCH (e:AuditEvent) RETURN count(e) AS n")).isEqualTo(events);
	}

	@Test
	@Order(2)
	void theImportHoldsWhatTheDatasetImplies() {
		ImportReport report = importer.run(MAPPING, false, RUNNER, (line) -> {
		});
		assertThat(report.problems()).isEmpty();
		assertThat(report.written()).isTrue();
		// Cables: one node each, the curated ones matched (three curated nodes for four dataset records).
		assertThat(count("MATCH (c:Cable) WHERE $d IN c.sourceIds RETURN count(c) AS n"))
			.isEqualTo(expected.cables().size());
		assertThat(count("MATCH (c:Cable) WHERE $d IN c.sourceIds AND c.status = 'planned' "
				+ "AND NOT 'source:004' IN c.sourceIds RETURN count(c) AS n"))
			.isEqualTo(expected.planned());
		assertThat(count("MATCH (c:Cable) WHERE $d IN c.sourceIds AND c.lengthKm IS NOT NULL "
				+ "AND NOT 'source:004' IN c.sourceIds RETURN count(c) AS n")).isEqualTo(expected.withLength());
		assertThat(count("MATCH (c:Cable) WHERE $d IN c.sourceIds AND c.start IS NOT NULL "
				+ "AND NOT 'source:004' IN c.sourceIds RETURN count(c) AS n")).isEqualTo(expected.withYear());
		// Landings: one tie per cable and landing point, to the point's country, with coordinates where given.
		assertThat(count("MATCH (:Cable)-[r:LANDS_IN]->(:Country) WHERE $d IN r.sourceIds RETURN count(r) AS n"))
			.isEqualTo(expected.landings());
		assertThat(count("MATCH (:Cable)-[r:LANDS_IN]->(c:Country) WHERE $d IN r.sourceIds "
				+ "RETURN count(DISTINCT c) AS n")).isEqualTo(expected.countries());
		assertThat(count("MATCH (:Cable)-[r:LANDS_IN]->() WHERE $d IN r.sourceIds AND r.latitude IS NOT NULL "
				+ "AND r.longitude IS NOT NULL RETURN count(r) AS n")).isEqualTo(expected.landingsWithCoordinates());
		// Owners and suppliers: organisations, tied by FUNDS (owner) and SUPPLIES (supplier).
		assertThat(count("MATCH (o:Organisation)-[r:FUNDS|SUPPLIES]->(:Cable) WHERE $d IN r.sourceIds "
				+ "RETURN count(DISTINCT o) AS n")).isEqualTo(expected.organisations());
		assertThat(count("MATCH (:Organisation)-[r:FUNDS {role: 'owner'}]->(:Cable) WHERE $d IN r.sourceIds "
				+ "RETURN count(r) AS n")).isEqualTo(expected.ownerships());
		assertThat(count("MATCH (:Organisation)-[r:SUPPLIES]->(:Cable) WHERE $d IN r.sourceIds RETURN count(r) AS n"))
			.isEqualTo(expected.supplies());
		// Every fact cites the dataset and the file.
		assertThat(count("MATCH (c:Cable {id: 'cable:2africa'}) WHERE c.sourceLocators = ['cable/2africa.json'] "
				+ "AND c.lengthKm = 45000.0 AND c.start = '2023' AND c.status = 'planned' RETURN count(c) AS n"))
			.isOne();
		assertThat(count("MATCH ()-[r]->() WHERE $d IN r.sourceIds AND NOT any(l IN r.sourceLocators "
				+ "WHERE l STARTS WITH 'cable/') RETURN count(r) AS n")).isZero();
		assertThat(count("MATCH (s:Source {id: $d}) WHERE s.licence = 'CC BY-NC-SA 3.0' AND s.publisher IS NOT NULL "
				+ "AND s.datasetVersion IS NOT NULL AND s.retrieved IS NOT NULL RETURN count(s) AS n")).isOne();
	}

	@Test
	@Order(3)
	@SuppressWarnings("unchecked")
	void curatedCablesAreMatchedNeverOverwrittenAndDisagreementsKeptWithTheirSources() {
		assertThat(count("MATCH (c:Cable) WHERE c.id IN ['cable:raman', 'cable:blue', 'cable:ellalink', "
				+ "'cable:medusa-submarine-cable-system'] RETURN count(c) AS n")).isZero();
		Map<String, Object> blueRaman = props("cable:blue-raman");
		assertThat(blueRaman.get("lengthKm")).isEqualTo(11700.0);
		assertThat(blueRaman.get("name")).isEqualTo("Blue-Raman");
		assertThat((List<Object>) blueRaman.get("sourceIds")).contains("source:004", DATASET);
		assertThat((List<Object>) blueRaman.get("sourceLocators")).contains("cable/blue.json", "cable/raman.json");
		assertThat((List<?>) blueRaman.get("otherStatements")).anySatisfy((s) -> assertThat(String.valueOf(s))
			.startsWith("lengthKm: ").contains("cable/raman.json"));
		// The curated EU end stays, and the dataset's landings hang off the same node.
		assertThat(count("MATCH (:Cable {id: 'cable:blue-raman'})-[r:LANDS_IN]->(:Union {id: 'union:eu'}) "
				+ "RETURN count(r) AS n")).isOne();
		assertThat(count("MATCH (:Cable {id: 'cable:blue-raman'})-[r:LANDS_IN]->(:Country) WHERE $d IN r.sourceIds "
				+ "RETURN count(r) AS n")).isPositive();
		assertThat(count("MATCH (c:Cable {id: 'cable:bella'}) WHERE $d IN c.sourceIds RETURN count(c) AS n")).isOne();
	}

	@Test
	@Order(4)
	void runningItAgainChangesNothing() {
		long events = count("MATCH (e:AuditEvent) RETURN count(e) AS n");
		ImportReport report = importer.run(MAPPING, false, RUNNER, (line) -> {
		});
		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isZero();
		assertThat(report.updated()).isZero();
		assertThat(report.written()).isFalse();
		assertThat(report.conflicts()).anySatisfy((c) -> {
			assertThat(c.id()).isEqualTo("cable:blue-raman");
			assertThat(c.field()).isEqualTo("lengthKm");
		});
		assertThat(count("MATCH (e:AuditEvent) RETURN count(e) AS n")).isEqualTo(events);
	}

	private static long count(String query) {
		try (var session = driver.session()) {
			return session.run(query, Map.of("d", DATASET)).single().get("n").asLong();
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

	/** What the files imply, read here with plain Jackson and the mapping's crosswalks, not by the importer. */
	record Expected(Set<String> cables, long planned, long withLength, long withYear, long landings, long countries,
			long landingsWithCoordinates, long organisations, long ownerships, long supplies,
			long records) {

		@SuppressWarnings("unchecked")
		static Expected from(Path data, Path mapping) throws IOException {
			JsonMapper json = JsonMapper.builder().build();
			Map<String, Object> yaml = new Yaml().load(Files.readString(mapping));
			Map<String, String> crosswalk = (Map<String, String>) yaml.get("crosswalk");
			Map<String, String> countryNames = (Map<String, String>) yaml.get("countries");
			Set<String> withCoordinates = new HashSet<>();
			json.readTree(data.resolve("landing-point/landing-point-geo.json").toFile())
				.get("features")
				.values()
				.forEach((f) -> withCoordinates.add(f.get("properties").get("id").asString()));
			Set<String> cables = new HashSet<>();
			long planned = 0;
			long withLength = 0;
			long withYear = 0;
			Set<String> landings = new HashSet<>();
			Set<String> landingsWithCoordinates = new HashSet<>();
			Set<String> countries = new HashSet<>();
			Set<String> organisations = new HashSet<>();
			Set<String> ownerships = new HashSet<>();
			Set<String> supplies = new HashSet<>();
			List<Path> files;
			try (Stream<Path> list = Files.list(data.resolve("cable"))) {
				files = list.filter((p) -> !Set.of("all.json", "cable-geo.json").contains(p.getFileName().toString()))
					.toList();
			}
			for (Path file : files) {
				JsonNode cable = json.readTree(file.toFile());
				String made = "cable:" + cable.get("id").asString();
				String id = crosswalk.getOrDefault(made, made);
				cables.add(id);
				if (id.equals(made)) {
					planned += cable.get("is_planned").asBoolean() ? 1 : 0;
					String length = cable.path("length").isNull() ? null : cable.path("length").asString(null);
					withLength += (length != null && !"n.a.".equals(length)) ? 1 : 0;
					withYear += cable.path("rfs_year").isNumber() ? 1 : 0;
				}
				for (JsonNode landing : cable.get("landing_points").values()) {
					String country = landing.get("country").asString();
					String key = id + "|" + countryNames.getOrDefault(country, country) + "|" + landing.get("name").asString();
					landings.add(key);
					countries.add(countryNames.getOrDefault(country, country));
					if (withCoordinates.contains(landing.get("id").asString())) {
						landingsWithCoordinates.add(key);
					}
				}
				for (String field : List.of("owners", "suppliers")) {
					String names = cable.path(field).isNull() ? null : cable.path(field).asString(null);
					if (names != null) {
						for (String name : names.split(",")) {
							if (!name.isBlank()) {
								organisations.add(name.strip().toLowerCase(java.util.Locale.ROOT));
								("owners".equals(field) ? ownerships : supplies)
									.add(id + "|" + name.strip().toLowerCase(java.util.Locale.ROOT));
							}
						}
					}
				}
			}
			return new Expected(cables, planned, withLength, withYear, landings.size(), countries.size(),
					landingsWithCoordinates.size(), organisations.size(), ownerships.size(), supplies.size(), files.size());
		}

	}

}
