package org.partneratlas.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.partneratlas.PartnerAtlasApplication;
import org.partneratlas.ingest.SeedLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded Neo4j that {@code main} starts before the context exists (issue 13 §4): used only by a context whose
 * settings are the very ones it was started with (any other is shut down, never used); the service it serves turns
 * ready only with the curated graph loaded; a Neo4j that cannot start fails the start with its own error; and neither
 * a start nor a failed one leaves a start thread or a held store behind.
 */
class EmbeddedNeo4jEarlyStartIT {

	private static final String[] SERVICE = { "--spring.neo4j.uri=", "--server.port=0", "--server.address=127.0.0.1",
			"--spring.main.banner-mode=off" };

	@TempDir
	Path dir;

	@Test
	void aContextAdoptsTheEarlyStartOnlyForTheSameSettings() throws Exception {
		MockEnvironment early = environment("early");
		environmentPrepared(early);

		// another store: not adopted; the early DBMS (started: it holds its store) is shut down, which frees the store
		var pending = EmbeddedNeo4jEarlyStart.pendingStart();
		assertThat(pending).isNotNull();
		pending.get(3, TimeUnit.MINUTES);
		assertThat(EmbeddedNeo4jEarlyStart.adopt(properties(environment("other")))).isNull();
		reopenWhenFree(this.dir.resolve("early")).shutdown();
		assertThat(EmbeddedNeo4jEarlyStart.adopt(properties(early))).as("adopted once at most").isNull();

		// the same settings: adopted, and it answers
		environmentPrepared(early);
		var adopted = EmbeddedNeo4jEarlyStart.adopt(properties(early));
		assertThat(adopted).isNotNull();
		EmbeddedNeo4jConfiguration.Started started = adopted.get(3, TimeUnit.MINUTES);
		try (var session = started.driver().session()) {
			assertThat(session.run("RETURN 41 + 1 AS answer").single().get("answer").asInt()).isEqualTo(42);
		}
		finally {
			started.close();
		}
	}

	@Test
	void theServiceAsMainStartsItUsesTheEarlyNeo4jAndIsReadyOnlyWithTheCuratedGraph() throws Exception {
		Path store = this.dir.resolve("service");
		int curated = SeedLoader.read("classpath*:seed-data/").nodes().size();
		AtomicReference<CompletableFuture<EmbeddedNeo4jConfiguration.Started>> early = new AtomicReference<>();
		AtomicLong atReady = new AtomicLong(-1);
		ApplicationListener<ApplicationEvent> watch = (event) -> {
			if (event instanceof ApplicationContextInitializedEvent) {
				early.set(EmbeddedNeo4jEarlyStart.pendingStart());
			}
			else if (event instanceof ApplicationReadyEvent ready) {
				try (var session = ready.getApplicationContext().getBean(Driver.class).session()) {
					atReady.set(session.run("MATCH (n:Entity) RETURN count(n) AS n").single().get("n").asLong());
				}
			}
		};
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnerAtlasApplication.class)
			.listeners(new EmbeddedNeo4jEarlyStart(), watch)
			.run(service(store))) {
			assertThat(early.get()).as("started by main's listener before the context").isNotNull();
			assertThat(context.getBean(DatabaseManagementService.class)).isSameAs(early.get().join().dbms());
			assertThat(atReady.get()).as("curated nodes in the store when the service turned ready").isEqualTo(curated);
			// the callers' limit is the default of transactions that name none, set once Neo4j had started
			var db = (GraphDatabaseAPI) context.getBean(DatabaseManagementService.class).database("neo4j");
			assertThat(db.getDependencyResolver().resolveDependency(Config.class).get(GraphDatabaseSettings.transaction_timeout))
				.isEqualTo(Duration.ofSeconds(10));
		}
		assertStartThreadsEnd();
		reopenWhenFree(store).shutdown();
	}

	@Test
	void aNeo4jThatCannotStartFailsTheStartWithItsOwnError() throws Exception {
		Path notADirectory = Files.writeString(this.dir.resolve("a-file"), "not a store");
		assertThatThrownBy(() -> new SpringApplicationBuilder(PartnerAtlasApplication.class)
			.listeners(new EmbeddedNeo4jEarlyStart())
			.run(service(notADirectory))
			.close()).hasStackTraceContaining(notADirectory.toString());
		assertThat(EmbeddedNeo4jEarlyStart.pendingStart()).as("nothing left to adopt").isNull();
		assertStartThreadsEnd();
	}

	private static String[] service(Path store) {
		String[] args = new String[SERVICE.length + 1];
		System.arraycopy(SERVICE, 0, args, 0, SERVICE.length);
		args[SERVICE.length] = "--atlas.embedded.data-directory=" + store;
		return args;
	}

	private static void environmentPrepared(MockEnvironment environment) {
		new EmbeddedNeo4jEarlyStart().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
				new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
	}

	private MockEnvironment environment(String store) {
		return new MockEnvironment().withProperty("atlas.embedded.data-directory", this.dir.resolve(store).toString());
	}

	private static AtlasProperties properties(MockEnvironment environment) {
		return Binder.get(environment).bindOrCreate("atlas", AtlasProperties.class);
	}

	/** The start's own threads end once their work is done (a few milliseconds after it, at most seconds). */
	private static void assertStartThreadsEnd() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (startThreadsAlive() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.doesNotContain("embedded-neo4j-start", "atlas-store-start");
	}

	private static boolean startThreadsAlive() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.anyMatch((t) -> t.getName().equals("embedded-neo4j-start") || t.getName().equals("atlas-store-start"));
	}

	/** Opens a store as soon as no other DBMS holds it (a discarded early start lets go once it has started). */
	private static DatabaseManagementService reopenWhenFree(Path home) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			try {
				return new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, false)
					.setConfig(HttpConnector.enabled, false)
					.setConfig(HttpsConnector.enabled, false)
					.setConfig(GraphDatabaseSettings.pagecache_memory, 8L << 20)
					.build();
			}
			catch (RuntimeException locked) {
				if (System.nanoTime() > deadline) {
					throw locked;
				}
				Thread.sleep(500);
			}
		}
	}

}
