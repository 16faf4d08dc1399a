package org.partneratlas.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.types.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.CypherStatements;

import org.springframework.stereotype.Component;

/**
 * The admin's lossless backup and restore, the backup story of the embedded default: every node and relationship
 * with every label and property (audit events, access lists and unmarked data included), written as JSON lines with
 * typed values ({@link BackupValues}), and read back into an <em>empty</em> store in one transaction, so a restore
 * writes everything or nothing.
 * <p>
 * The checksum proves the two stores equal: each node is digested (SHA-256) from its sorted labels and its
 * properties in a canonical typed text, each relationship from its type, properties and the identity of its ends (an
 * Entity's id, which the schema keeps unique, or else the end's own digest); the digests are summed modulo
 * 2<sup>256</sup>, nodes and relationships apart, and the sums and counts digested once more. A sum does not depend
 * on the order the store yields items in, so the checksum is the same for the same graph on any store and any read
 * order, without sorting a million relationships (bounded memory at any size); internal element ids never enter it.
 * A backup ends with its checksum; a restore recomputes it inside its transaction and commits only when it matches.
 */
@Component
public class Backup {

	private static final Logger log = LoggerFactory.getLogger(Backup.class);

	static final String FORMAT = "partner-atlas-backup";

	static final int VERSION = 1;

	private static final int BATCH = 5_000;

	private final Driver driver;

	private final CypherStatements statements;

	private final SessionConfig session;

	private final TransactionConfig transaction;

	private final org.partneratlas.graph.@org.jspecify.annotations.Nullable DataVersion version;

	public Backup(Driver driver, CypherStatements statements, AtlasProperties atlas, ExportProperties properties) {
		this(driver, statements, atlas, properties, null);
	}

	@org.springframework.beans.factory.annotation.Autowired
	public Backup(Driver driver, CypherStatements statements, AtlasProperties atlas, ExportProperties properties,
			org.partneratlas.graph.@org.jspecify.annotations.Nullable DataVersion version) {
		this.version = version;
		this.driver = driver;
		this.statements = statements;
		this.session = SessionConfig.forDatabase(atlas.database());
		this.transaction = TransactionConfig.builder().withTimeout(properties.transactionTimeout()).build();
	}

	/**
	 * What a backup, restore or checksum covered.
	 *
	 * @param nodes the nodes
	 * @param relationships the relationships
	 * @param checksum the store checksum (hex)
	 */
	public record Summary(long nodes, long relationships, String checksum) {
	}

	/** The checksum of the whole store as it is now. */
	public Summary checksum() {
		try (var s = this.driver.session(this.session); var tx = s.beginTransaction(this.transaction)) {
			return read(tx, (line) -> {
			});
		}
	}

	/** Writes every node and relationship, as JSON lines, ending with the counts and the checksum. */
	public Summary backup(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("format", FORMAT);
		head.put("version", VERSION);
		head.put("created", OffsetDateTime.now(ZoneOffset.UTC).toString());
		line(writer, head);
		Summary summary;
		// One read transaction: the nodes and the relationships come from the same transaction's reads.
		try (var s = this.driver.session(this.session); var tx = s.beginTransaction(this.transaction)) {
			summary = read(tx, (line) -> {
				try {
					line(writer, line);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		Map<String, Object> end = new LinkedHashMap<>();
		end.put("nodes", summary.nodes());
		end.put("relationships", summary.relationships());
		end.put("checksum", summary.checksum());
		line(writer, Map.of("end", end));
		writer.flush();
		log.info("Backup written: {} nodes, {} relationships, checksum {}", summary.nodes(), summary.relationships(),
				summary.checksum());
		return summary;
	}

	private static void line(Writer writer, Map<String, Object> line) throws IOException {
		writer.write(Json.MAPPER.writeValueAsString(line));
		writer.write('\n');
	}

	/** Reads the whole store, handing each item's backup line to {@code lines}; answers the checksum. */
	private Summary read(QueryRunner runner, Consumer<Map<String, Object>> lines) {
		Checksum checksum = new Checksum();
		var nodes = runner.run(this.statements.text("backup/all-nodes"));
		while (nodes.hasNext()) {
			Record r = nodes.next();
			List<String> labels = r.get("labels").asList(org.neo4j.driver.Value::asString);
			Map<String, Object> properties = BackupValues.encode(r.get("properties").asMap());
			checksum.node(labels, properties);
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("node", r.get("key").asString());
			line.put("labels", labels);
			line.put("properties", properties);
			lines.accept(line);
		}
		var relationships = runner.run(this.statements.text("backup/all-relationships"));
		while (relationships.hasNext()) {
			Record r = relationships.next();
			Map<String, Object> properties = BackupValues.encode(r.get("properties").asMap());
			checksum.relationship(r.get("type").asString(), properties, end(r, "start"), end(r, "end"));
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("relationship", r.get("key").asString());
			line.put("type", r.get("type").asString());
			line.put("start", r.get("start").asString());
			line.put("end", r.get("end").asString());
			line.put("properties", properties);
			lines.accept(line);
		}
		return checksum.summary();
	}

	private static String end(Record r, String which) {
		if (!r.get(which + "Id").isNull()) {
			return "id:" + r.get(which + "Id").asString();
		}
		Node node = r.get(which + "Node").asNode();
		List<String> labels = new ArrayList<>();
		node.labels().forEach(labels::add);
		return "node:" + HexFormat.of().formatHex(Checksum.nodeDigest(labels, BackupValues.encode(node.asMap())));
	}

	/**
	 * Writes a backup into this store, which must hold no node: all of it in one transaction, committed only when
	 * the restored store's checksum equals the one the backup ends with. A malformed file, a dangling relationship
	 * or a mismatch rolls everything back and says why and where.
	 */
	public Summary restore(InputStream in) throws IOException {
		try (var s = this.driver.session(this.session)) {
			boolean empty = s.run(this.statements.text("backup/store-is-empty")).single().get("empty").asBoolean();
			if (!empty) {
				throw new RestoreRefusedException(true, "the store is not empty: a backup is restored only into an empty "
						+ "store (start the service on a new data directory with atlas.seed.load-on-start=false, "
						+ "or use the restore command, which does)");
			}
			try (var tx = s.beginTransaction(this.transaction)) {
				Summary expected = write(tx, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
				Summary restored = read(tx, (line) -> {
				});
				if (!restored.equals(expected)) {
					throw new RestoreRefusedException("the restored store does not match the backup: it holds "
							+ restored + ", the backup says " + expected + "; nothing was written");
				}
				tx.commit();
				if (this.version != null) {
					this.version.changed();
				}
				log.info("Backup restored: {} nodes, {} relationships, checksum {}", restored.nodes(),
						restored.relationships(), restored.checksum());
				return restored;
			}
		}
	}

	private Summary write(QueryRunner tx, BufferedReader reader) throws IOException {
		String restoreNodes = this.statements.text("backup/restore-nodes");
		String restoreRelationships = this.statements.text("backup/restore-relationships");
		Map<String, String> created = new HashMap<>();
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> relationships = new ArrayList<>();
		Summary end = null;
		int number = 0;
		String text;
		while ((text = reader.readLine()) != null) {
			number++;
			if (text.isBlank()) {
				continue;
			}
			if (end != null) {
				throw malformed(number, "text after the end line");
			}
			JsonNode line;
			try {
				line = Json.MAPPER.readTree(text);
			}
			catch (JacksonException ex) {
				throw malformed(number, "not JSON (" + ex.getOriginalMessage() + ")");
			}
			try {
				if (number == 1) {
					if (!FORMAT.equals(line.path("format").asString()) || line.path("version").asInt() != VERSION) {
						throw malformed(number, "not a " + FORMAT + " version " + VERSION + " file");
					}
				}
				else if (line.has("node")) {
					if (!relationships.isEmpty()) {
						throw malformed(number, "a node after the relationships");
					}
					Map<String, Object> row = new HashMap<>();
					row.put("key", line.get("node").asString());
					List<String> labels = new ArrayList<>();
					line.get("labels").forEach((l) -> labels.add(l.asString()));
					row.put("labels", labels);
					row.put("properties", BackupValues.decodeProperties(line.get("properties")));
					nodes.add(row);
					if (nodes.size() == BATCH) {
						createNodes(tx, restoreNodes, nodes, created);
					}
				}
				else if (line.has("relationship")) {
					createNodes(tx, restoreNodes, nodes, created);
					Map<String, Object> row = new HashMap<>();
					row.put("type", line.get("type").asString());
					row.put("start", endOf(created, line.get("start").asString(), number));
					row.put("end", endOf(created, line.get("end").asString(), number));
					row.put("properties", BackupValues.decodeProperties(line.get("properties")));
					relationships.add(row);
					if (relationships.size() == BATCH) {
						createRelationships(tx, restoreRelationships, relationships);
					}
				}
				else if (line.has("end")) {
					JsonNode e = line.get("end");
					end = new Summary(e.get("nodes").asLong(), e.get("relationships").asLong(),
							e.get("checksum").asString());
				}
				else {
					throw malformed(number, "neither a node, a relationship nor the end");
				}
			}
			catch (RuntimeException ex) {
				if (ex instanceof RestoreRefusedException) {
					throw ex;
				}
				throw malformed(number, String.valueOf(ex.getMessage()));
			}
		}
		if (number == 0) {
			throw malformed(1, "the file is empty");
		}
		if (end == null) {
			throw malformed(number, "the file ends without its end line: it is cut short");
		}
		createNodes(tx, restoreNodes, nodes, created);
		createRelationships(tx, restoreRelationships, relationships);
		return end;
	}

	private static String endOf(Map<String, String> created, String key, int number) {
		String id = created.get(key);
		if (id == null) {
			throw malformed(number, "a relationship to node '" + key + "', which the backup does not hold before it");
		}
		return id;
	}

	private static void createNodes(QueryRunner tx, String statement, List<Map<String, Object>> rows,
			Map<String, String> created) {
		if (rows.isEmpty()) {
			return;
		}
		tx.run(statement, Map.of("rows", rows))
			.forEachRemaining((r) -> created.put(r.get("key").asString(), r.get("elementId").asString()));
		rows.clear();
	}

	private static void createRelationships(QueryRunner tx, String statement, List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		long count = tx.run(statement, Map.of("rows", rows)).single().get("created").asLong();
		if (count != rows.size()) {
			throw new RestoreRefusedException("only " + count + " of " + rows.size() + " relationships found both ends");
		}
		rows.clear();
	}

	private static RestoreRefusedException malformed(int line, String why) {
		return new RestoreRefusedException("line " + line + " of the backup: " + why + "; nothing was written");
	}

	/** A restore that cannot go ahead, or could not finish; nothing was written. */
	public static class RestoreRefusedException extends RuntimeException {

		private final boolean storeNotEmpty;

		RestoreRefusedException(String message) {
			this(false, message);
		}

		RestoreRefusedException(boolean storeNotEmpty, String message) {
			super(message);
			this.storeNotEmpty = storeNotEmpty;
		}

		/** Whether the store held data (a conflict), rather than the backup being at fault. */
		public boolean storeNotEmpty() {
			return this.storeNotEmpty;
		}

	}

	/** The order-free store checksum (see the class comment). */
	static final class Checksum {

		private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

		private BigInteger nodes = BigInteger.ZERO;

		private BigInteger relationships = BigInteger.ZERO;

		private long nodeCount;

		private long relationshipCount;

		void node(List<String> labels, Map<String, Object> properties) {
			this.nodes = this.nodes.add(new BigInteger(1, nodeDigest(labels, properties))).mod(MODULUS);
			this.nodeCount++;
		}

		void relationship(String type, Map<String, Object> properties, String start, String end) {
			Map<String, Object> canonical = new TreeMap<>();
			canonical.put("type", type);
			canonical.put("properties", properties);
			canonical.put("start", start);
			canonical.put("end", end);
			this.relationships = this.relationships.add(new BigInteger(1, sha256(Json.text(canonical)))).mod(MODULUS);
			this.relationshipCount++;
		}

		static byte[] nodeDigest(List<String> labels, Map<String, Object> properties) {
			Map<String, Object> canonical = new TreeMap<>();
			canonical.put("labels", labels.stream().sorted().toList());
			canonical.put("properties", properties);
			return sha256(Json.text(canonical));
		}

		Summary summary() {
			String all = "partner-atlas-checksum-1 nodes=" + this.nodeCount + " relationships="
					+ this.relationshipCount + " " + this.nodes.toString(16) + " " + this.relationships.toString(16);
			return new Summary(this.nodeCount, this.relationshipCount, HexFormat.of().formatHex(sha256(all)));
		}

		private static byte[] sha256(String text) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
