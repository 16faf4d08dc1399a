package org.partneratlas.ingest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedLoaderIT extends AtlasIT {

	@Autowired
	SeedLoader loader;

	@Autowired
	Driver driver;

	@Test
	void rejectedSeedLeavesTheDatabaseUntouched() {
		List<Object> before = snapshot();
		assertThatThrownBy(() -> this.loader.load("classpath:seed-broken/")).isInstanceOf(SeedRejectedException.class)
			.hasMessageContaining("broken.yaml:62: 'to' refers to instrument:eu-missing");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void loadingTheCuratedGraphAgainChangesNothing() {
		List<Object> before = snapshot();
		GraphWriter.WriteCounts counts = this.loader.load("classpath*:seed-data/");
		assertThat(counts.nodesCreated()).isZero();
		assertThat(counts.relationshipsCreated()).isZero();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void everyNodeAndRelationshipIsMarkedAndSourced() {
		try (var session = this.driver.session()) {
			Map<String, Object> unmarked = session.run("""
					CALL () { MATCH (n:Entity) WHERE n.tlpLevel IS NULL OR size(n.sourceIds) = 0 RETURN count(n) AS nodes }
					CALL () { MATCH ()-[r]->() WHERE r.tlpLevel IS NULL OR size(r.sourceIds) = 0 RETURN count(r) AS rels }
					RETURN nodes, rels""").single().asMap();
			assertThat(unmarked).containsEntry("nodes", 0L).containsEntry("rels", 0L);
		}
	}

	/** Every node's and relationship's properties, in id order: equal snapshots mean an unchanged graph. */
	private List<Object> snapshot() {
		try (var session = this.driver.session()) {
			var record = session.run("""
					CALL () { MATCH (n) WITH n ORDER BY n.id RETURN collect([labels(n), properties(n)]) AS nodes }
					CALL () { MATCH ()-[r]->() WITH r ORDER BY r.id RETURN collect([type(r), properties(r)]) AS rels }
					RETURN nodes, rels""").single();
			return List.of(record.get("nodes").asObject(), record.get("rels").asObject());
		}
	}

}
