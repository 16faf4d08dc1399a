package org.partneratlas.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

import org.springframework.stereotype.Component;

/**
 * The one way a read reaches Neo4j: a named query file, the caller's visibility merged into its parameters, one
 * round trip, records mapped as they arrive. Counting statements here lets a test prove that a nested GraphQL
 * request costs a bounded number of round trips, and lets operators see the rate in {@code /actuator/metrics}.
 * <p>
 * Reads run in auto-commit transactions: a failed or timed-out user read is reported, never retried. A read inside a
 * request runs at most until the request's {@link Deadline}.
 */
@Component
public class GraphReads {

	private final Driver driver;

	private final CypherStatements statements;

	private final Counter counter;

	private final TransactionConfig transactionConfig;

	private final SessionConfig read;

	private final java.time.Duration transactionTimeout;

	public GraphReads(Driver driver, CypherStatements statements, MeterRegistry meters, AtlasProperties properties) {
		this.driver = driver;
		this.statements = statements;
		this.counter = Counter.builder("atlas.cypher.statements").description("Cypher statements sent").register(meters);
		this.transactionConfig = TransactionConfig.builder().withTimeout(properties.transactionTimeout()).build();
		this.transactionTimeout = properties.transactionTimeout();
		// Naming the database spares the driver a home-database lookup before every session.
		this.read = SessionConfig.builder()
			.withDefaultAccessMode(AccessMode.READ)
			.withDatabase(properties.database())
			.build();
	}

	/** Runs a read query file and maps every record. */
	public <T> List<T> list(String query, Visibility visibility, Map<String, Object> parameters,
			Function<Record, T> mapper) {
		return run(this.statements.text(query), visibility, parameters, mapper);
	}

	/**
	 * Runs a read statement given as text rather than as a file of {@code cypher/queries} (the Graph Data Science
	 * statements, which only a server with GDS can compile), under the same timeout, deadline and count.
	 */
	public <T> List<T> listStatement(String text, Visibility visibility, Map<String, Object> parameters,
			Function<Record, T> mapper) {
		return run(text, visibility, parameters, mapper);
	}

	private <T> List<T> run(String text, Visibility visibility, Map<String, Object> parameters,
			Function<Record, T> mapper) {
		TransactionConfig config = withinDeadline(this.transactionConfig, this.transactionTimeout);
		this.counter.increment();
		try (var session = this.driver.session(this.read)) {
			return session.run(text, visibility.with(parameters), config).list(mapper::apply);
		}
	}

	/**
	 * Runs a read query file and hands each record to {@code each} as it arrives: the driver pulls records in
	 * batches, so an answer too large to hold (a whole-graph export) streams through in bounded memory. The timeout is
	 * the caller's, as such a read may rightly take longer than the interactive one.
	 */
	public void forEach(String query, Visibility visibility, Map<String, Object> parameters, Duration timeout,
			Consumer<Record> each) {
		this.counter.increment();
		try (var session = this.driver.session(this.read)) {
			var result = session.run(this.statements.text(query), visibility.with(parameters),
					TransactionConfig.builder().withTimeout(timeout).build());
			while (result.hasNext()) {
				each.accept(result.next());
			}
		}
	}

	/**
	 * Opens one read transaction for several statements that must agree with each other (the whole-graph export: its
	 * summary, its nodes, its relationships); close it when done. Neo4j reads at read-committed isolation, so a
	 * statement may still see a write committed after an earlier statement of the same transaction ran: a caller that
	 * needs the statements to agree checks that too (the export keeps only relationships between nodes it wrote).
	 */
	public ReadTransaction readTransaction(Duration timeout) {
		var session = this.driver.session(this.read);
		try {
			return new ReadTransaction(session,
					session.beginTransaction(TransactionConfig.builder().withTimeout(timeout).build()));
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	/** Statements in one read transaction, each streamed row by row into a consumer. */
	public final class ReadTransaction implements AutoCloseable {

		private final org.neo4j.driver.Session session;

		private final org.neo4j.driver.Transaction transaction;

		private boolean closed;

		private ReadTransaction(org.neo4j.driver.Session session, org.neo4j.driver.Transaction transaction) {
			this.session = session;
			this.transaction = transaction;
		}

		/** Runs a query file with the caller's grants in this transaction, handing each row to {@code each}. */
		public void forEach(String query, Visibility visibility, Map<String, Object> parameters, Consumer<Record> each) {
			GraphReads.this.counter.increment();
			var result = this.transaction.run(GraphReads.this.statements.text(query), visibility.with(parameters));
			while (result.hasNext()) {
				each.accept(result.next());
			}
		}

		@Override
		public void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				this.transaction.close();
			}
			finally {
				this.session.close();
			}
		}

	}

	/**
	 * The transaction settings for a statement sent now: the configured timeout, or what is left of the request's
	 * {@link Deadline} when that is less. A request whose deadline has passed sends nothing.
	 */
	static TransactionConfig withinDeadline(TransactionConfig config, java.time.Duration timeout) {
		Deadline deadline = Deadline.current();
		if (deadline == null) {
			return config;
		}
		deadline.check();
		java.time.Duration left = deadline.remaining();
		if (left.compareTo(timeout) >= 0) {
			return config;
		}
		return TransactionConfig.builder().withTimeout(left.compareTo(MINIMUM) < 0 ? MINIMUM : left).build();
	}

	/** The driver refuses a zero timeout (it means none); a deadline this close stops the statement at once. */
	private static final java.time.Duration MINIMUM = java.time.Duration.ofMillis(1);

	/** Runs a read query file with its path quantifier bounded at {@code hops} (see {@link CypherStatements#withHopLimit}). */
	public <T> List<T> listWithHopLimit(String query, int hops, Visibility visibility, Map<String, Object> parameters,
			Function<Record, T> mapper) {
		return run(this.statements.withHopLimit(query, hops), visibility, parameters, mapper);
	}

	/**
	 * As {@link #listWithHopLimit(String, int, Visibility, Map, Function)}, stopped by Neo4j after {@code timeout} (or
	 * the request's deadline, if sooner): for a step the caller can answer without, saying so.
	 */
	public <T> List<T> listWithHopLimit(String query, int hops, Visibility visibility, Map<String, Object> parameters,
			Function<Record, T> mapper, java.time.Duration timeout) {
		TransactionConfig config = withinDeadline(TransactionConfig.builder().withTimeout(timeout).build(), timeout);
		this.counter.increment();
		try (var session = this.driver.session(this.read)) {
			return session.run(this.statements.withHopLimit(query, hops), visibility.with(parameters), config)
				.list(mapper::apply);
		}
	}

	/** Runs a read query file expected to answer at most one record. */
	public <T> Optional<T> one(String query, Visibility visibility, Map<String, Object> parameters,
			Function<Record, T> mapper) {
		return list(query, visibility, parameters, mapper).stream().findFirst();
	}

	/** Nodes by id, in the order asked, null where missing or hidden: one statement whatever the number. */
	public List<Entity> nodes(List<String> ids, Visibility visibility) {
		Map<String, Entity> found = new java.util.HashMap<>();
		for (Entity entity : list("graph/nodes-by-id", visibility, Map.of("ids", ids), (r) -> Entity.of(r.get("node")))) {
			found.put(entity.id(), entity);
		}
		List<Entity> ordered = new java.util.ArrayList<>(ids.size());
		ids.forEach((id) -> ordered.add(found.get(id)));
		return ordered;
	}

	/** How many statements went through here since start (tests compare two readings). */
	public long statementCount() {
		return (long) this.counter.count();
	}

}
