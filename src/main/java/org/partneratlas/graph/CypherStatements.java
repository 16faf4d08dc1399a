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

	/**
	 * The text of a query file whose one variable-length quantifier, written {@code {1,6}} in the file, is bounded at
	 * {@code hops} (1 to 6) instead. Quantifier bounds must be literals, and a bound of 6 searched and then filtered
	 * explores far beyond what a smaller limit needs: each bound is its own statement (and its own cached plan). Only
	 * an integer from that closed range is ever substituted, never request text.
	 */
	public String withHopLimit(String name, int hops) {
		if (hops < 1 || hops > MAX_HOPS) {
			throw new IllegalArgumentException("hop limit must be between 1 and " + MAX_HOPS + ", not " + hops);
		}
		return this.texts.computeIfAbsent(name + "{1," + hops + "}", (key) -> {
			String text = text(name);
			int at = text.indexOf(QUANTIFIER);
			if (at < 0 || text.indexOf(QUANTIFIER, at + 1) >= 0) {
				throw new IllegalStateException(name + " must hold exactly one " + QUANTIFIER + " quantifier");
			}
			return text.substring(0, at) + "{1," + hops + "}" + text.substring(at + QUANTIFIER.length());
		});
	}

	/** The widest hop limit a query file may be bounded at, as written in the file. */
	public static final int MAX_HOPS = 6;

	private static final String QUANTIFIER = "{1," + MAX_HOPS + "}";

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
