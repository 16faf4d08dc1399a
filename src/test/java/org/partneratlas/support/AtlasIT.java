package org.partneratlas.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole application on the shared harness (as an external Neo4j: the same code path
 * as a Neo4j server), with the curated graph loaded, serving GraphQL over HTTP on a random port. All subclasses share
 * one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AtlasIT {

	@LocalServerPort
	protected int port;

	/** A GraphQL client over HTTP to the application under test. */
	protected GraphQl graphQl;

	@BeforeEach
	void graphQlClient() {
		this.graphQl = new GraphQl(this.port);
	}

	/** The API tokens file of the tests, copied where a test may change it (to revoke a token). */
	protected static final java.nio.file.Path TOKENS = copyTokens();

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", TestNeo4j::boltUri);
		registry.add("spring.neo4j.authentication.password", () -> "");
		registry.add("atlas.access.tokens-file", TOKENS::toString);
		// a page on this origin may call the API from a browser; the same page on SecondOrigin.notAllowed() may not
		registry.add("atlas.cors.allowed-origins", SecondOrigin::allowed);
	}

	private static java.nio.file.Path copyTokens() {
		try (var in = AtlasIT.class.getResourceAsStream("/access/tokens.yaml")) {
			java.nio.file.Path file = java.nio.file.Files.createTempFile("atlas-tokens", ".yaml");
			java.nio.file.Files.write(file, in.readAllBytes());
			file.toFile().deleteOnExit();
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
