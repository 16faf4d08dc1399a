package org.partneratlas.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.SchemaRunner;
import org.partneratlas.graph.StartupPhases;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At start: applies the schema, then loads the curated graph when the store holds none. A rejected seed stops the
 * start with every problem listed, and nothing written.
 * <p>
 * The work begins on its own thread as soon as this bean is built, while the rest of the Spring context (GraphQL
 * schema, security, actuator) is still being built, and {@link #run} (an {@link ApplicationRunner}: the last step
 * before the service turns ready) waits for it and rethrows its failure. Readiness therefore still means "schema
 * applied and curated graph loaded"; only the wait overlaps with the context (issue 13 §4).
 */
@Component
public class SeedLoader implements ApplicationRunner, InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private final SchemaRunner schema;

	private final GraphWriter writer;

	private final Driver driver;

	private final AtlasProperties properties;

	private final CypherStatements statements;

	public SeedLoader(SchemaRunner schema, GraphWriter writer, Driver driver, AtlasProperties properties,
			CypherStatements statements) {
		this.schema = schema;
		this.writer = writer;
		this.driver = driver;
		this.properties = properties;
		this.statements = statements;
	}

	/** The start's work, once this bean is built. */
	private @Nullable CompletableFuture<Void> atStart;

	/** Begins the start's work (schema, store state, seed load) on its own thread. */
	@Override
	public void afterPropertiesSet() {
		var work = new CompletableFuture<Void>();
		Thread thread = new Thread(() -> {
			try {
				prepareStore();
				work.complete(null);
			}
			catch (Throwable ex) {
				work.completeExceptionally(ex);
			}
		}, "atlas-store-start");
		thread.setDaemon(true);
		this.atStart = work;
		thread.start();
	}

	/**
	 * Waits for the start's work: the service turns ready only after it, and not at all if it failed. A loader that
	 * was not built by Spring (a test, a tool) does the work here, on the calling thread.
	 */
	@Override
	public void run(@Nullable ApplicationArguments args) {
		var work = this.atStart;
		if (work == null) {
			prepareStore();
			return;
		}
		try (var phase = StartupPhases.begin("ready: waiting for the store's start work")) {
			work.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("The store could not be prepared", ex.getCause());
		}
	}

	/** A context closed (or failed) while the work still runs: let it end before the database goes. */
	@Override
	public void destroy() {
		var work = this.atStart;
		if (work != null) {
			try {
				work.get(2, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				// reported by run(), or the context is going away anyway
			}
		}
	}

	/** Schema, then the store's state, then unfinished imports undone and the curated graph loaded where needed. */
	void prepareStore() {
		try (var phase = StartupPhases.begin("schema (cypher/schema, indexes online)")) {
			this.schema.apply();
		}
		// One statement says whether the store is empty and whether an import left anything behind: each cold
		// statement costs a start about a second of CPU (StartupPhases), and most starts need neither of the others.
		boolean empty;
		boolean leftovers;
		try (var phase = StartupPhases.begin("store state (curated graph? unfinished import?)");
				var session = this.driver.session()) {
			// the start's limit, not the callers' (10 s): a start on a busy machine waits, it does not fail
			var state = session.run(this.statements.text("ingest/start-state"), SchemaRunner.START).single();
			empty = state.get("empty").asBoolean();
			leftovers = state.get("importLeftovers").asBoolean();
		}
		if (leftovers) {
			try (var phase = StartupPhases.begin("unfinished imports undone")) {
				// A streamed import cut off before its commit point (its process killed) left a journal: undo it
				// first; undoing may leave the store empty again.
				ImportBatches.recover(this.driver, this.statements);
				empty = isEmpty();
			}
		}
		empty = empty && this.properties.seed().loadOnStart();
		if (empty) {
			try (var phase = StartupPhases.begin("seed load")) {
				load(this.properties.seed().location());
			}
		}
	}

	/** Reads, validates and writes every {@code *.yaml} below a location; throws with all problems found. */
	public GraphWriter.WriteCounts load(String location) {
		long started = System.nanoTime();
		CuratedGraph graph = read(location);
		GraphWriter.WriteCounts counts = this.writer.write(graph);
		log.info("Seed loaded from {}: {} nodes, {} ties ({} nodes and {} relationships created) in {} ms", location,
				graph.nodes().size(), graph.ties().size(), counts.nodesCreated(), counts.relationshipsCreated(),
				(System.nanoTime() - started) / 1_000_000);
		return counts;
	}

	/** Reads and validates every {@code *.yaml} below a location, writing nothing. */
	public static CuratedGraph read(String location) {
		String base = location.endsWith("/") ? location : location + "/";
		SeedFiles files = new SeedFiles();
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(base + "**/*.yaml");
			String root = new PathMatchingResourcePatternResolver().getResources(base)[0].getURL().toString();
			Arrays.sort(found, Comparator.comparing(SeedLoader::url));
			for (Resource resource : found) {
				String url = url(resource);
				files.read(url.startsWith(root) ? url.substring(root.length()) : resource.getFilename(), resource);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list seed files at " + location, ex);
		}
		return new SeedValidator().validate(files);
	}

	private boolean isEmpty() {
		try (var session = this.driver.session()) {
			return session.run(this.statements.text("ingest/store-is-empty"), SchemaRunner.START)
				.single()
				.get("empty")
				.asBoolean();
		}
	}

	private static String url(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
