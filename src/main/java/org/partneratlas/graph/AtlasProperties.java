package org.partneratlas.graph;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings ({@code atlas.*}).
 *
 * @param embedded the embedded Neo4j, used when {@code spring.neo4j.uri} is empty
 * @param transactionTimeout how long any Cypher transaction may run before Neo4j stops it
 * @param seed loading the curated graph
 * @param database the Neo4j database the service reads and writes
 */
@ConfigurationProperties("atlas")
public record AtlasProperties(Embedded embedded, @DefaultValue("10s") Duration transactionTimeout, Seed seed,
		@DefaultValue("neo4j") String database) {

	/**
	 * @param dataDirectory where the embedded database keeps its files
	 * @param pageCache the page cache size
	 * @param transactionMemory the most memory one transaction may use
	 */
	public record Embedded(@DefaultValue("data/neo4j") Path dataDirectory, @DefaultValue("128MB") DataSize pageCache,
			@DefaultValue("256MB") DataSize transactionMemory) {
	}

	/**
	 * @param loadOnStart load {@code seed-data/} at start when the store holds no curated node
	 * @param location where the seed files are (a Spring resource location)
	 */
	public record Seed(@DefaultValue("true") boolean loadOnStart, @DefaultValue("classpath*:seed-data/") String location) {
	}

}
