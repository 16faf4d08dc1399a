package org.partneratlas.graph;

import java.nio.file.Path;
import java.time.Duration;

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
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real Neo4j started inside this process, its Bolt connector on loopback at a free port, and
 * the application's {@link Driver} pointed at it. The application's code is then the same for embedded and external
 * Neo4j; only the URI differs. Boot's own Neo4j auto-configuration backs off because a {@code Driver} bean exists.
 * <p>
 * Active when {@code spring.neo4j.uri} is empty (the {@code NEO4J_URI} environment variable sets it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	@Bean(destroyMethod = "shutdown")
	DatabaseManagementService embeddedNeo4j(AtlasProperties properties) {
		AtlasProperties.Embedded embedded = properties.embedded();
		Path home = embedded.dataDirectory().toAbsolutePath();
		long started = System.nanoTime();
		var phase = StartupPhases.begin("embedded Neo4j");
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
			.setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
			// Internal settings (re-check on upgrades): shutdown in about a second instead of eleven.
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
			.build();
		GdsPlugin.registerIn(dbms);
		phase.close();
		log.info("Embedded Neo4j started in {} ms, data in {}", (System.nanoTime() - started) / 1_000_000, home);
		return dbms;
	}

	@Bean(destroyMethod = "close")
	Driver neo4jDriver(DatabaseManagementService dbms) {
		var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		var bolt = db.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		String uri = "bolt://127.0.0.1:" + bolt.getPort();
		log.info("Embedded Neo4j Bolt on {}", uri);
		// SLF4J, not the driver's default System.Logger: under Spring Boot that one reports DEBUG as enabled and formats
		// every RUN message with all its parameters into a debug line nobody logs (11 % of an import's CPU time, 40 % of
		// the client side's, in bench/results/2026-11-30-import.md); SLF4J asks Logback first.
		return GraphDatabase.driver(uri, AuthTokens.none(),
				Config.builder().withoutEncryption().withLogging(org.neo4j.driver.Logging.slf4j()).build());
	}

}
