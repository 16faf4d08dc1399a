package org.partneratlas.ingest;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.summary.SummaryCounters;

import org.partneratlas.graph.CypherStatements;

import org.springframework.stereotype.Component;

/**
 * Writes a validated graph in one transaction, MERGE on stable ids, in batches of rows ({@code UNWIND}): either all of
 * it is committed or none. Labels and relationship types in the rows come from the {@code Label} and {@code RelType}
 * allow-lists (the validator made them), never from free text.
 */
@Component
public class GraphWriter {

	/**
	 * The whole curated graph is one transaction, which on a busy machine took longer than the database's default
	 * timeout for user statements (10 s embedded, 30 s in the tests) and failed the start: it gets its own limit.
	 */
	static final TransactionConfig LOAD = TransactionConfig.builder().withTimeout(java.time.Duration.ofMinutes(5)).build();

	private static final int BATCH = 2_000;

	private final Driver driver;

	private final CypherStatements statements;

	private final org.partneratlas.graph.@org.jspecify.annotations.Nullable DataVersion version;

	/** A writer outside the service (tests, benchmarks): the service's cached answers learn of its writes from Neo4j. */
	public GraphWriter(Driver driver, CypherStatements statements) {
		this(driver, statements, null);
	}

	@org.springframework.beans.factory.annotation.Autowired
	public GraphWriter(Driver driver, CypherStatements statements,
			org.partneratlas.graph.@org.jspecify.annotations.Nullable DataVersion version) {
		this.driver = driver;
		this.statements = statements;
		this.version = version;
	}

	/** Writes the graph; returns what changed (zero everywhere when the graph was already there). */
	public WriteCounts write(CuratedGraph graph) {
		String mergeNodes = this.statements.text("ingest/merge-nodes");
		String mergeTies = this.statements.text("ingest/merge-ties");
		try (var session = this.driver.session()) {
			WriteCounts written = session.executeWrite((tx) -> {
				WriteCounts counts = WriteCounts.NONE;
				for (List<Map<String, Object>> batch : batches(graph.nodes())) {
					counts = counts.plus(tx.run(mergeNodes, Map.of("rows", batch)).consume().counters());
				}
				for (List<Map<String, Object>> batch : batches(graph.ties())) {
					counts = counts.plus(tx.run(mergeTies, Map.of("rows", batch)).consume().counters());
				}
				return counts;
			}, LOAD);
			if (this.version != null) {
				this.version.changed();
			}
			return written;
		}
	}

	private static List<List<Map<String, Object>>> batches(List<Map<String, Object>> rows) {
		List<List<Map<String, Object>>> batches = new java.util.ArrayList<>();
		for (int i = 0; i < rows.size(); i += BATCH) {
			batches.add(rows.subList(i, Math.min(rows.size(), i + BATCH)));
		}
		return batches;
	}

	/**
	 * What a write changed.
	 *
	 * @param nodesCreated nodes created
	 * @param relationshipsCreated relationships created
	 * @param propertiesSet properties set to a new value
	 */
	public record WriteCounts(int nodesCreated, int relationshipsCreated, int propertiesSet) {

		static final WriteCounts NONE = new WriteCounts(0, 0, 0);

		WriteCounts plus(SummaryCounters counters) {
			return new WriteCounts(this.nodesCreated + counters.nodesCreated(),
					this.relationshipsCreated + counters.relationshipsCreated(),
					this.propertiesSet + counters.propertiesSet());
		}

	}

}
