package org.partneratlas.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-graph export is consistent: every edge in the file has both its ends in the file, even when a node and a
 * relationship to it are committed while the export is writing its nodes (read-committed isolation lets the later
 * relationship statement see them, the transaction alone does not stop it).
 */
class ExportConsistencyIT extends AtlasIT {

	private static final String RACER = "org:zz-export-racer";

	@Autowired
	Exports exports;

	@Autowired
	Driver driver;

	@Test
	void everyEdgeHasBothEndsInTheFileWhenAWriteLandsWhileNodesAreWritten() throws IOException {
		Visibility caller = Visibility.clearedFor(Tlp.AMBER);
		long[] racedAt = { -1 };
		ByteArrayOutputStream out = new ByteArrayOutputStream() {
			@Override
			public synchronized void write(byte[] b, int off, int len) {
				super.write(b, off, len);
				if (racedAt[0] < 0 && size() > 32 * 1024) {
					racedAt[0] = size();
					race();
				}
			}
		};
		try {
			Exports.Prepared prepared = this.exports.prepare(new ExportRequest.All(), caller);
			this.exports.write(prepared, ExportFormat.CYJS, out);
			String text = out.toString(StandardCharsets.UTF_8);
			assertThat(racedAt[0]).as("the write landed while nodes were being written")
				.isPositive()
				.isLessThan(text.indexOf("\"edges\""));
			try (var session = this.driver.session()) {
				assertThat(session.run("MATCH (:Entity {id: 'country:FR'})-[r {id: 'racer-tie'}]->(:Entity {id: $id}) "
						+ "RETURN count(r) AS n", Map.of("id", RACER)).single().get("n").asLong())
					.as("the racing relationship is committed and visible to the caller")
					.isOne();
			}
			List<String> nodeIds = JsonPath.read(text, "$.elements.nodes[*].data.id");
			List<String> sources = JsonPath.read(text, "$.elements.edges[*].data.source");
			List<String> targets = JsonPath.read(text, "$.elements.edges[*].data.target");
			Set<String> nodes = new HashSet<>(nodeIds);
			assertThat(nodes).hasSizeGreaterThan(100).doesNotContain(RACER);
			assertThat(sources).isNotEmpty().allMatch(nodes::contains);
			assertThat(targets).allMatch(nodes::contains);
		}
		finally {
			try (var session = this.driver.session()) {
				session.run("MATCH (n:Entity {id: $id}) DETACH DELETE n", Map.of("id", RACER)).consume();
			}
		}
	}

	/** Another session commits a CLEAR organisation and a CLEAR relationship from France to it. */
	private void race() {
		try (var session = this.driver.session()) {
			session.run("""
					MATCH (fr:Entity {id: 'country:FR'})
					CREATE (o:Entity:Actor:Organisation {id: $id, name: 'Racer', kind: 'company', tlp: 'CLEAR',
					  tlpLevel: 0, access: ['tlp:CLEAR'], sourceIds: [], sourceLocators: [], version: 1})
					CREATE (fr)-[:COOPERATES_WITH {id: 'racer-tie', tlp: 'CLEAR', tlpLevel: 0, access: ['tlp:CLEAR'],
					  sourceIds: [], sourceLocators: [], version: 1}]->(o)
					""", Map.of("id", RACER)).consume();
		}
	}

}
