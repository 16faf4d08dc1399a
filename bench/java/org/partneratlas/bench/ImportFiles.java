package org.partneratlas.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.partneratlas.ingest.CuratedGraph;

/**
 * The generated graph of a size (seed 42, as bench/run.sh) as files an import mapping reads: one CSV a label
 * ({@code nodes-Country.csv}) and one a relationship type ({@code ties-PARTY_TO.csv}), and {@code mapping.yaml} with
 * a node rule a label and a tie rule a type (a rule maps only the fields its label's rows have). Also writes the same
 * graph as the two CSV files {@code Bench}'s LOAD CSV comparison reads ({@code bench-nodes.csv},
 * {@code bench-ties.csv}). AMBER+STRICT and RED items keep their marking with the owner {@code org:bench} (a node of
 * the files) and the recipient {@code group:bench}.
 * Usage: {@code java ... ImportFiles <S|M|L> <folder>}; {@code java ... ImportFiles loadcsv <bolt> <folder>} runs
 * {@code LOAD CSV ... CALL { } IN TRANSACTIONS OF 5000 ROWS} with the statements of the import's MERGE path
 * ({@code ingest/import-nodes}, {@code ingest/import-ties}) on {@code bench-nodes.csv} and {@code bench-ties.csv}.
 */
public final class ImportFiles {

	private static final List<String> NODE_FIELDS = List.of("name", "kind", "acronym", "description", "status",
			"euStatus", "sector", "lengthKm", "start", "end", "tlp");

	private static final List<String> TIE_FIELDS = List.of("role", "start", "end", "tlp");

	public static void main(String[] args) throws IOException {
		if (args[0].equals("loadcsv")) {
			loadCsv(args[1], Path.of(args[2]));
			return;
		}
		if (args[0].equals("profile")) {
			profile(args[1], Path.of(args[2]));
			return;
		}
		String size = args[0];
		Path dir = Path.of(args[1]);
		Files.createDirectories(dir);
		long t = System.nanoTime();
		CuratedGraph graph = Generator.generate(size, 42).graph();
		List<Map<String, Object>> nodes = new ArrayList<>(graph.nodes());
		// The owner every AMBER+STRICT item names.
		Map<String, Object> owner = new LinkedHashMap<>();
		owner.put("id", "org:bench");
		owner.put("labels", List.of("Entity", "Actor", "Organisation"));
		owner.put("props", new LinkedHashMap<>(Map.of("name", "Bench owner", "kind", "company", "tlp", "CLEAR")));
		if (nodes.stream().noneMatch((n) -> "org:bench".equals(n.get("id")))) {
			nodes.add(owner);
		}
		// Source documents are not imported as nodes (the dataset is the imports' one Source): leave them and their ties out.
		nodes.removeIf((n) -> String.valueOf(n.get("id")).startsWith("source:"));
		List<Map<String, Object>> ties = new ArrayList<>(graph.ties());
		ties.removeIf((r) -> String.valueOf(r.get("from")).startsWith("source:") || String.valueOf(r.get("to")).startsWith("source:"));
		Map<String, List<Map<String, Object>>> byLabel = new TreeMap<>();
		for (Map<String, Object> node : nodes) {
			@SuppressWarnings("unchecked")
			List<String> labels = (List<String>) node.get("labels");
			byLabel.computeIfAbsent(labels.getLast(), (k) -> new ArrayList<>()).add(node);
		}
		Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
		for (Map<String, Object> tie : ties) {
			byType.computeIfAbsent((String) tie.get("type"), (k) -> new ArrayList<>()).add(tie);
		}
		StringBuilder mapping = new StringBuilder("""
				# The generated %s graph (bench/java/.../Generator.java, seed 42) as CSV files: written by ImportFiles.
				dataset:
				  id: source:bench-generated
				  title: Generated benchmark graph %s
				  publisher: Partner Atlas benchmarks
				  licence: CC0
				  version: seed 42
				  retrieved: 2026-11-30
				tlp: CLEAR
				readers:
				""".formatted(size, size));
		byLabel.keySet().forEach((l) -> mapping.append("  n").append(l).append(": {format: csv, path: nodes-").append(l)
			.append(".csv}\n"));
		byType.keySet().forEach((t2) -> mapping.append("  t").append(t2).append(": {format: csv, path: ties-").append(t2)
			.append(".csv}\n"));
		mapping.append("nodes:\n");
		for (var e : byLabel.entrySet()) {
			Set<String> present = present(e.getValue(), NODE_FIELDS);
			writeCsv(dir.resolve("nodes-" + e.getKey() + ".csv"), e.getValue(), List.of("id"), present);
			mapping.append("  - reader: n").append(e.getKey()).append("\n    label: ").append(e.getKey())
				.append("\n    id: \"{id}\"\n");
			fields(mapping, present);
		}
		mapping.append("ties:\n");
		for (var e : byType.entrySet()) {
			Set<String> present = present(e.getValue(), TIE_FIELDS);
			writeCsv(dir.resolve("ties-" + e.getKey() + ".csv"), e.getValue(), List.of("from", "to"), present);
			mapping.append("  - reader: t").append(e.getKey()).append("\n    type: ").append(e.getKey())
				.append("\n    from: \"{from}\"\n    to: \"{to}\"\n");
			fields(mapping, present);
		}
		Files.writeString(dir.resolve("mapping.yaml"), mapping);
		Bench.writeCsv(dir.resolve("bench-nodes.csv"), nodes, true);
		Bench.writeCsv(dir.resolve("bench-ties.csv"), ties, false);
		System.out.printf("%s: %d nodes, %d relationships written to %s in %d ms%n", size, nodes.size(),
				ties.size(), dir, (System.nanoTime() - t) / 1_000_000);
	}

	/** Serves the files of {@code dir} on a loopback port, for LOAD CSV (which reads URLs). Stop it after use. */
	private static com.sun.net.httpserver.HttpServer fileServer(Path dir) throws IOException {
		var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
			exchange.sendResponseHeaders(200, Files.size(file));
			try (var body = exchange.getResponseBody()) {
				Files.copy(file, body);
			}
		});
		server.start();
		return server;
	}

	static void loadCsv(String bolt, Path dir) throws IOException {
		var statements = new org.partneratlas.graph.CypherStatements();
		var server = fileServer(dir);
		String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
		try (var driver = org.neo4j.driver.GraphDatabase.driver(bolt, org.neo4j.driver.AuthTokens.none(),
				org.neo4j.driver.Config.builder().withoutEncryption().build()); var session = driver.session()) {
			long before = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong();
			long t = System.nanoTime();
			// import-nodes sets the whole property map (SET n = row.props): the id goes in it, as the importer's rows have it.
			String nodeRow = Bench.NODE_ROW.replace("props: {name: csv.name", "props: {id: csv.id, name: csv.name");
			session.run(load(statements.text("ingest/import-nodes"), nodeRow), Map.of("url", base + "bench-nodes.csv"))
				.consume();
			long nodesDone = System.nanoTime();
			session.run(load(statements.text("ingest/import-ties"), Bench.TIE_ROW), Map.of("url", base + "bench-ties.csv"))
				.consume();
			long done = System.nanoTime();
			long after = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong();
			long rows;
			try (var lines = Files.lines(dir.resolve("bench-ties.csv"))) {
				rows = lines.count() - 1;
			}
			if (after - before != rows) {
				System.out.printf("LOAD CSV wrote %d of the %d relationships: not a valid comparison%n", after - before, rows);
			}
			System.out.printf("LOAD CSV (import-nodes, import-ties, IN TRANSACTIONS OF 5000 ROWS): nodes %.1f s, "
					+ "relationships %.1f s (%d created, %,.0f relationships/s), total %.1f s%n",
					(nodesDone - t) / 1e9, (done - nodesDone) / 1e9, after - before,
					(after - before) / ((done - nodesDone) / 1e9), (done - t) / 1e9);
		}
		finally {
			server.stop(0);
		}
	}

	/** What the MERGE path read before 2026-12-01: every tie leaving the batch's start nodes (a hub's thousands). */
	private static final String TIES_FROM = """
			UNWIND $ids AS id
			MATCH (a:Entity {id: id})-[r]->(b:Entity)
			RETURN r.id AS id, a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props""";

	/**
	 * PROFILEs the import's batch statements on the first 5,000 rows of {@code bench-ties.csv} (and their nodes) in a
	 * store that holds the graph (run after {@code loadcsv}): database hits and milliseconds a statement, the write
	 * statements in a transaction rolled back. Prints one line a statement and each one's costliest operators.
	 */
	static void profile(String bolt, Path dir) throws IOException {
		var statements = new org.partneratlas.graph.CypherStatements();
		var server = fileServer(dir);
		String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
		try (var driver = org.neo4j.driver.GraphDatabase.driver(bolt, org.neo4j.driver.AuthTokens.none(),
				org.neo4j.driver.Config.builder().withoutEncryption().build()); var session = driver.session()) {
			String nodeRow = Bench.NODE_ROW.replace("props: {name: csv.name", "props: {id: csv.id, name: csv.name");
			List<Object> tieRows = session.run("LOAD CSV WITH HEADERS FROM $url AS csv WITH csv LIMIT 5000\n"
					+ Bench.TIE_ROW + "RETURN row", Map.of("url", base + "bench-ties.csv")).list((r) -> r.get("row").asObject());
			// the nodes of those ties, with fresh ids for the create statements
			List<Object> nodeRows = session.run("LOAD CSV WITH HEADERS FROM $url AS csv WITH csv LIMIT 5000\n" + nodeRow
					+ "WITH row, row.props AS p\n"
					+ "RETURN row {.*, id: 'profile:' + row.id, props: p {.*, id: 'profile:' + row.id}} AS row",
					Map.of("url", base + "bench-nodes.csv")).list((r) -> r.get("row").asObject());
			List<String> ids = new ArrayList<>();
			List<String> froms = new ArrayList<>();
			List<Map<String, Object>> keys = new ArrayList<>();
			for (Object row : tieRows) {
				@SuppressWarnings("unchecked")
				Map<String, Object> m = (Map<String, Object>) row;
				froms.add((String) m.get("from"));
				ids.add((String) m.get("from"));
				ids.add((String) m.get("to"));
				keys.add(Map.of("id", m.get("id"), "from", m.get("from"), "to", m.get("to")));
			}
			List<String> distinctFroms = List.copyOf(new LinkedHashSet<>(froms));
			System.out.printf("profile: %d tie rows (%d distinct start nodes), %d node rows%n", tieRows.size(),
					distinctFroms.size(), nodeRows.size());
			profileRead(session, "ingest/nodes-by-id (reads)", statements.text("ingest/nodes-by-id"),
					Map.of("ids", List.copyOf(new LinkedHashSet<>(ids))));
			profileRead(session, "ties-from (before: every tie leaving the start nodes)", TIES_FROM,
					Map.of("ids", distinctFroms));
			profileRead(session, "ingest/ties-by-id (after: by id between the ends)", statements.text("ingest/ties-by-id"),
					Map.of("rows", keys));
			profileWrite(driver, "ingest/import-nodes (MERGE, new ids)", statements.text("ingest/import-nodes"),
					Map.of("rows", nodeRows));
			profileWrite(driver, "ingest/create-nodes (CREATE, new ids)", statements.text("ingest/create-nodes"),
					Map.of("rows", nodeRows));
			profileWrite(driver, "ingest/import-ties (MERGE, existing ties)", statements.text("ingest/import-ties"),
					Map.of("rows", tieRows));
			List<Object> newTies = new ArrayList<>();
			for (Object row : tieRows) {
				@SuppressWarnings("unchecked")
				Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) row);
				m.put("id", m.get("id") + "#profile");
				newTies.add(m);
			}
			profileWrite(driver, "ingest/import-ties (MERGE, new ties)", statements.text("ingest/import-ties"),
					Map.of("rows", newTies));
			profileWrite(driver, "ingest/create-ties (CREATE)", statements.text("ingest/create-ties"),
					Map.of("rows", newTies));
		}
		finally {
			server.stop(0);
		}
	}

	private static void profileRead(org.neo4j.driver.Session session, String name, String text,
			Map<String, Object> parameters) {
		long t = System.nanoTime();
		var result = session.run("PROFILE " + text, parameters);
		long rows = result.list().size();
		print(name, result.consume(), rows, t);
	}

	private static void profileWrite(org.neo4j.driver.Driver driver, String name, String text,
			Map<String, Object> parameters) {
		try (var session = driver.session(); var tx = session.beginTransaction()) {
			long t = System.nanoTime();
			var result = tx.run("PROFILE " + text, parameters);
			long rows = result.list().size();
			print(name, result.consume(), rows, t);
			tx.rollback();
		}
	}

	private static void print(String name, org.neo4j.driver.summary.ResultSummary summary, long rows, long started) {
		List<org.neo4j.driver.summary.ProfiledPlan> all = new ArrayList<>();
		java.util.ArrayDeque<org.neo4j.driver.summary.ProfiledPlan> todo = new java.util.ArrayDeque<>();
		todo.add(summary.profile());
		long hits = 0;
		while (!todo.isEmpty()) {
			var p = todo.pop();
			all.add(p);
			hits += p.dbHits();
			todo.addAll(p.children());
		}
		all.sort(java.util.Comparator.comparingLong(org.neo4j.driver.summary.ProfiledPlan::dbHits).reversed());
		StringBuilder top = new StringBuilder();
		for (var p : all.subList(0, Math.min(4, all.size()))) {
			if (p.dbHits() > 0) {
				top.append(top.isEmpty() ? "" : ", ").append(p.operatorType().replace("@neo4j", "")).append(' ')
					.append(p.dbHits());
			}
		}
		var c = summary.counters();
		System.out.printf("profile: %-55s %,10d db hits %6d ms  rows %d  created %d nodes %d rels  [%s]%n", name, hits,
				(System.nanoTime() - started) / 1_000_000, rows, c.nodesCreated(), c.relationshipsCreated(), top);
	}

	private static String load(String text, String toRow) {
		// The statement's own RETURN (rows written, which the importer checks) has no place in a unit subquery.
		String body = text.lines()
			.filter((l) -> !l.startsWith("//") && !l.startsWith("RETURN count("))
			.collect(java.util.stream.Collectors.joining("\n"));
		body = body.substring(body.indexOf("UNWIND $rows AS row") + "UNWIND $rows AS row".length());
		return "LOAD CSV WITH HEADERS FROM $url AS csv\nCALL (csv) {\n" + toRow + body + "\n} IN TRANSACTIONS OF 5000 ROWS";
	}

	private static void fields(StringBuilder mapping, Set<String> present) {
		for (String f : present) {
			if (f.equals("tlp")) {
				mapping.append("    tlp: {field: tlp, default: CLEAR}\n    owner: {field: owner}\n")
					.append("    recipients: {field: recipients}\n");
			}
			else if (f.equals("lengthKm")) {
				mapping.append("    lengthKm: {field: lengthKm, number: true}\n");
			}
			else {
				mapping.append("    ").append(f).append(": {field: ").append(f).append("}\n");
			}
		}
	}

	private static Set<String> present(List<Map<String, Object>> rows, List<String> fields) {
		Set<String> present = new LinkedHashSet<>();
		for (Map<String, Object> row : rows) {
			@SuppressWarnings("unchecked")
			Map<String, Object> props = (Map<String, Object>) row.get("props");
			for (String f : fields) {
				if (props.get(f) != null) {
					present.add(f);
				}
			}
		}
		return present;
	}

	private static void writeCsv(Path file, List<Map<String, Object>> rows, List<String> keys, Set<String> fields)
			throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			List<String> header = new ArrayList<>(keys);
			header.addAll(fields);
			if (fields.contains("tlp")) {
				header.add("owner");
				header.add("recipients");
			}
			w.write(String.join(",", header) + "\n");
			for (Map<String, Object> row : rows) {
				@SuppressWarnings("unchecked")
				Map<String, Object> props = (Map<String, Object>) row.get("props");
				StringBuilder b = new StringBuilder();
				for (String k : keys) {
					b.append(Bench.csv(row.get(k))).append(',');
				}
				for (String f : fields) {
					b.append(Bench.csv(props.get(f))).append(',');
				}
				if (fields.contains("tlp")) {
					Object tlp = props.get("tlp");
					b.append("AMBER+STRICT".equals(tlp) ? "org:bench" : "").append(',');
					b.append("RED".equals(tlp) ? "group:bench" : "").append(',');
				}
				b.setLength(b.length() - 1);
				w.write(b.append('\n').toString());
			}
		}
	}

}
