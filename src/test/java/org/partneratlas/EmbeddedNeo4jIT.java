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

}
