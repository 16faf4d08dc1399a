package org.partneratlas.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/V*.cypher} in version order: constraints and indexes, each file one idempotent
 * ({@code IF NOT EXISTS}) statement, so running them at every start is safe and no migration table is needed. Then
 * waits for the indexes to come online, so the first search after start already finds.
 * <p>
 * Every file names what it creates, and one {@code SHOW INDEXES} first says which names the store already has (a
 * constraint's index carries the constraint's name): a file whose name is there and online is not sent again, and when
 * every index is online there is nothing to wait for. A start on an existing store then plans one statement instead of
 * twelve; each cold statement cost 1-2 s of CPU at start (issue 13, {@code StartupPhases}). A file whose name cannot be
 * read is always sent, which is still safe.
 */
@Component
public class SchemaRunner {

	private static final Logger log = LoggerFactory.getLogger(SchemaRunner.class);

	/**
	 * The limit of every statement a start sends (schema, the wait for indexes, the store's state, undoing an unfinished
	 * import): far past the interactive transaction timeout ({@code atlas.transaction-timeout}, 10 s), which is meant
	 * for callers' questions. On a busy machine a start's statements take longer (a first index population, a cold
	 * plan on a starved core), and a start must wait for them, never fail for it.
	 */
	public static final TransactionConfig START = TransactionConfig.builder().withTimeout(Duration.ofMinutes(3)).build();

	private final Driver driver;

	public SchemaRunner(Driver driver) {
		this.driver = driver;
	}

	private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
			"(?im)^\\s*CREATE\\s+(?:[A-Z]+\\s+)?(?:CONSTRAINT|INDEX)\\s+`?(\\w+)`?\\s+IF\\s+NOT\\s+EXISTS");

	/**
	 * Makes sure every schema file's constraint or index exists and is online; returns the file names sent to the
	 * database, in order (none when the store already had them all).
	 */
	public List<String> apply() {
		List<Resource> files = schemaFiles();
		List<String> sent = new java.util.ArrayList<>();
		try (var session = this.driver.session()) {
			java.util.Map<String, String> states = new java.util.HashMap<>();
			session.run("SHOW INDEXES YIELD name, state RETURN name, state", START)
				.forEachRemaining((r) -> states.put(r.get("name").asString(), r.get("state").asString()));
			for (Resource file : files) {
				String statement = read(file);
				String name = nameIn(statement);
				if (name == null || !states.containsKey(name)) {
					session.run(statement, START).consume();
					sent.add(file.getFilename());
				}
			}
			if (!sent.isEmpty() || states.values().stream().anyMatch((state) -> !"ONLINE".equals(state))) {
				session.run("CALL db.awaitIndexes(120)", START).consume();
			}
		}
		log.info("Schema applied: {} of {} files sent, the rest already in the store: {}", sent.size(), files.size(),
				sent);
		return sent;
	}

	/** The name a schema file gives its constraint or index, or null when it cannot be read. */
	static @org.jspecify.annotations.Nullable String nameIn(String statement) {
		java.util.regex.Matcher matcher = NAMED.matcher(statement);
		return matcher.find() ? matcher.group(1) : null;
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
