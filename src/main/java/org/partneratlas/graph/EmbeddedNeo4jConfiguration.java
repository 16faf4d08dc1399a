package org.partneratlas.graph;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The default database: a real Neo4j started inside this process, its Bolt connector on loopback at a free port, and
 * the application's {@link Driver} pointed at it. The application's code is then the same for embedded and external
 * Neo4j; only the URI differs. Boot's own Neo4j auto-configuration backs off because a {@code Driver} bean exists.
 * <p>
 * Active when {@code spring.neo4j.uri} is empty (the {@code NEO4J_URI} environment variable sets it).
 * <p>
 * <b>Started alongside the Spring context</b> (issue 13 §4): from {@code main}, as soon as the environment is prepared
 * ({@link EmbeddedNeo4jEarlyStart}), otherwise as soon as the bean definitions are read ({@link Start}, a bean factory
 * post-processor, runs before the web server and the singletons are built), Neo4j starts on its own thread, and the
 * {@code Driver} bean is a stand-in that waits for it on first use. The context's own work (web server, GraphQL schema, security, actuator) and Neo4j's start then share the machine's cores instead of
 * running one after the other on {@code main}: 4-10 s of a start's wall time. Readiness is unchanged: the service
 * turns ready only once the schema and the curated graph are in ({@code SeedLoader}), and a Neo4j that fails to start
 * fails the start with its own error, at the first statement.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	/** Starts Neo4j early, on its own thread; owns it, so it is shut down with the context even if the start failed. */
	@Bean
	static Start embeddedNeo4jStart() {
		return new Start();
	}

	/**
	 * The started DBMS; waits for the start, so it is lazy: built when a bean asks for it, not by {@code main} on its
	 * way through the singletons. Shut down by {@link Start}, after every bean that uses it.
	 */
	@Bean(destroyMethod = "")
	@Lazy
	DatabaseManagementService embeddedNeo4j(Start start) {
		return start.await().dbms();
	}

	/**
	 * The driver to the embedded Neo4j: a stand-in that waits for the start on its first call (and only then), so
	 * that beans holding a driver are built while Neo4j starts.
	 */
	@Bean(destroyMethod = "")
	Driver neo4jDriver(Start start) {
		InvocationHandler handler = (proxy, method, args) -> {
			switch (method.getName()) {
				case "toString" -> {
					return "Driver to the embedded Neo4j (" + (start.isDone() ? "started" : "starting") + ")";
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				case "equals" -> {
					return proxy == args[0];
				}
				default -> {
					if (method.getName().startsWith("close")) {
						// closed with the DBMS by Start, after every bean that uses it
						return method.getName().equals("close") ? null
								: CompletableFuture.completedStage(null);
					}
					try {
						return method.invoke(start.await().driver(), args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				}
			}
		};
		return (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class }, handler);
	}

	/** The DBMS and the driver to it. */
	record Started(DatabaseManagementService dbms, Driver driver) {

		/** Closes the driver, then shuts the DBMS down. */
		void close() {
			try {
				this.driver.close();
			}
			finally {
				this.dbms.shutdown();
			}
		}

	}

	/** Starts the DBMS (and builds the driver to it) on a thread of its own; the future says when and how it ended. */
	static CompletableFuture<Started> startOnItsOwnThread(AtlasProperties properties) {
		CompletableFuture<Started> started = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				started.complete(start(properties));
			}
			catch (Throwable ex) {
				started.completeExceptionally(ex);
			}
		}, "embedded-neo4j-start");
		thread.setDaemon(true);
		thread.start();
		return started;
	}

	/**
	 * Starts the embedded Neo4j on its own thread when the bean factory is post-processed (the {@code atlas.*}
	 * settings bound from the environment, which is final by then); {@link #await()} waits for it and rethrows its
	 * failure. Destroyed last of the beans that use it: closes the driver and shuts the DBMS down, also when the
	 * context failed before anyone asked for it.
	 */
	static final class Start implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

		/** Null until the bean factory is post-processed. */
		private volatile @Nullable CompletableFuture<Started> started;

		private @Nullable Environment environment;

		@Override
		public void setEnvironment(Environment environment) {
			this.environment = environment;
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			AtlasProperties properties = Binder.get(Objects.requireNonNull(this.environment))
				.bindOrCreate("atlas", AtlasProperties.class);
			CompletableFuture<Started> early = EmbeddedNeo4jEarlyStart.adopt(properties);
			this.started = (early != null) ? early : startOnItsOwnThread(properties);
		}

		boolean isDone() {
			var current = this.started;
			return current != null && current.isDone();
		}

		Started await() {
			var current = this.started;
			if (current == null) {
				throw new IllegalStateException("The embedded Neo4j was asked for before it was started");
			}
			try {
				return current.join();
			}
			catch (CompletionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException("The embedded Neo4j did not start", cause);
			}
		}

		@Override
		public void destroy() {
			var current = this.started;
			if (current == null) {
				return; // the context failed before the start began
			}
			Started done;
			try {
				done = current.join();
			}
			catch (CompletionException ex) {
				return; // never started: nothing to shut down
			}
			done.close();
		}

	}

	static Started start(AtlasProperties properties) {
		AtlasProperties.Embedded embedded = properties.embedded();
		Path home = embedded.dataDirectory().toAbsolutePath();
		long started = System.nanoTime();
		var phase = StartupPhases.begin("embedded Neo4j (own thread)");
		DatabaseManagementService dbms = GdsPlugin.allowedIn(new DatabaseManagementServiceBuilder(home))
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			// Neo4j's HTTP server is javax-based and breaks on Boot's Jakarta libraries; nothing needs it.
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			// Only loopback reaches Bolt, and only this process knows the port.
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, embedded.pageCache().toBytes())
			.setConfig(GraphDatabaseSettings.memory_transaction_max_size, embedded.transactionMemory().toBytes())
			// Internal settings (re-check on upgrades): shutdown in about a second instead of eleven.
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
			.build();
		try {
			GdsPlugin.registerIn(dbms);
			var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			// The callers' limit as the default of every transaction that names none, once Neo4j has started: set
			// before, it also bounds Neo4j's own start-up transactions, and a start on a busy machine failed there.
			db.getDependencyResolver()
				.resolveDependency(org.neo4j.configuration.Config.class)
				.setDynamic(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout(), "atlas");
			var bolt = db.getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT);
			String uri = "bolt://127.0.0.1:" + bolt.getPort();
			// SLF4J, not the driver's default System.Logger: under Spring Boot that one reports DEBUG as enabled and
			// formats every RUN message with all its parameters into a debug line nobody logs (11 % of an import's CPU
			// time, 40 % of the client side's, in bench/results/2026-11-30-import.md); SLF4J asks Logback first.
			Driver driver = GraphDatabase.driver(uri, AuthTokens.none(),
					Config.builder().withoutEncryption().withLogging(Logging.slf4j()).build());
			phase.close();
			log.info("Embedded Neo4j started in {} ms, data in {}, Bolt on {}", (System.nanoTime() - started) / 1_000_000,
					home, uri);
			return new Started(dbms, driver);
		}
		catch (RuntimeException | Error ex) {
			dbms.shutdown();
			throw ex;
		}
	}

}
