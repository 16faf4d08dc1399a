package org.partneratlas.graph;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema runner sends only what the store lacks, and what it lacks it always sends. */
class SchemaRunnerIT {

	private final Driver driver = TestNeo4j.driver();

	@Test
	void everySchemaFileNamesWhatItCreatesOnce() {
		var names = SchemaRunner.schemaFiles()
			.stream()
			.map((file) -> SchemaRunner.nameIn(SchemaRunner.read(file)))
			.toList();
		assertThat(names).doesNotContainNull().doesNotHaveDuplicates().hasSameSizeAs(SchemaRunner.schemaFiles());
	}

	@Test
	void sendsNothingToAStoreThatHasItAllAndExactlyWhatIsMissingOtherwise() {
		SchemaRunner runner = new SchemaRunner(this.driver);
		runner.apply();
		assertThat(runner.apply()).isEmpty();
		try (var session = this.driver.session()) {
			session.run("DROP INDEX audit_item").consume();
		}
		assertThat(runner.apply()).containsExactly("V0006__Audit_event_item.cypher");
		try (var session = this.driver.session()) {
			assertThat(session.run("SHOW INDEXES YIELD name, state WHERE name = 'audit_item' RETURN state")
				.single()
				.get("state")
				.asString()).isEqualTo("ONLINE");
		}
	}

}
