package org.partneratlas.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Cypher text of {@code cypher/queries/<module>/<question>.cypher}, read once from the classpath. Queries live in
 * files so that the jar, the tests (which EXPLAIN every file) and a person in Neo4j Browser read the same text.
 */
@Component
public class CypherStatements {

	private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();

	/** The text of a query file, named without folder prefix or extension: {@code catalogue/node-by-id}. */
	public String text(String name) {
		return this.texts.computeIfAbsent(name, CypherStatements::read);
	}

	private static String read(String name) {
		ClassPathResource resource = new ClassPathResource("cypher/queries/" + name + ".cypher");
		try (var in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No Cypher file " + resource.getPath(), ex);
		}
	}

}
