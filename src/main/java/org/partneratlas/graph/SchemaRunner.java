package org.partneratlas.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/V*.cypher} in version order: constraints and indexes, each file one idempotent
 * ({@code IF NOT EXISTS}) statement, so running them at every start is safe and no migration table is needed. Then
 * waits for the indexes to come online, so the first search after start already finds.
 */
@Component
public class SchemaRunner {

	private static final Logger log = LoggerFactory.getLogger(SchemaRunner.class);

	/**
	 * Schema statements and the wait for indexes run past the interactive transaction timeout (10 s): on a busy
	 * machine a first start's index population takes longer, and a start must not fail for it.
	 */
	private static final org.neo4j.driver.TransactionConfig SCHEMA = org.neo4j.driver.TransactionConfig.builder()
		.withTimeout(java.time.Duration.ofMinutes(3))
		.build();

	private final Driver driver;

	public SchemaRunner(Driver driver) {
		this.driver = driver;
	}

	/** Applies every schema file and waits for the indexes; returns the file names applied, in order. */
	public List<String> apply() {
		List<Resource> files = schemaFiles();
		try (var session = this.driver.session()) {
			for (Resource file : files) {
				session.run(read(file), SCHEMA).consume();
			}
			session.run("CALL db.awaitIndexes(120)", SCHEMA).consume();
		}
		List<String> names = files.stream().map(Resource::getFilename).toList();
		log.info("Schema applied: {}", names);
		return names;
	}

	static List<Resource> schemaFiles() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:cypher/schema/V*.cypher");
			return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Resource file) {
		try (var in = file.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
