package org.partneratlas;

import java.nio.file.Path;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;

import org.partneratlas.support.GraphQl;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default way to run: no Neo4j URI, so the service starts its own Neo4j, loads the curated graph and answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedNeo4jIT {

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@Autowired
	DatabaseManagementService embedded;

	@DynamicPropertySource
	static void embeddedStore(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> "");
		registry.add("atlas.embedded.data-directory", () -> data.toString());
	}

	@Test
	void startsItsOwnNeo4jWithTheCuratedGraph() {
		assertThat(this.embedded.listDatabases()).contains("neo4j");
		assertThat(data.resolve("data/databases/neo4j")).isDirectory();
		DocumentContext answer = new GraphQl(this.port).post("""
				{ node(id: "union:eu") { name } search(text: "ECSO") { node { id } } }""");
		assertThat(answer.read("$.data.node.name", String.class)).isEqualTo("European Union");
		assertThat(answer.read("$.data.search[0].node.id", String.class)).isEqualTo("org:ecso");
	}

	/**
	 * Neo4j starts on its own thread while the context is built (issue 13 §4): a Neo4j that cannot start must still
	 * fail the start, with its own error, never leave a service that looks up but has no database.
	 */
	@Test
	void aNeo4jThatCannotStartFailsTheStart(@TempDir Path scratch) throws Exception {
		Path notADirectory = java.nio.file.Files.writeString(scratch.resolve("a-file"), "not a store");
		assertThatThrownBy(() -> new org.springframework.boot.builder.SpringApplicationBuilder(
				PartnerAtlasApplication.class)
			.run("--spring.neo4j.uri=", "--atlas.embedded.data-directory=" + notADirectory, "--server.port=0",
					"--server.address=127.0.0.1", "--spring.main.banner-mode=off")
			.close()).hasStackTraceContaining(notADirectory.getFileName().toString());
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.doesNotContain("embedded-neo4j-start", "atlas-store-start");
	}

}
