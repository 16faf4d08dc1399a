package org.partneratlas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.Label;
import org.partneratlas.ingest.CuratedGraph;
import org.partneratlas.ingest.GraphWriter;

/**
 * One benchmark run on one graph size against a running Partner Atlas (embedded Neo4j): loads the generated graph
 * through {@link GraphWriter} over Bolt, then measures each shape as GraphQL over HTTP and as the same Cypher file sent
 * straight through the driver, at concurrency 1 and 16; optionally the @neo4j/graphql peer on the same data, and the
 * import (GraphWriter against LOAD CSV ... CALL { } IN TRANSACTIONS on the same rows). Writes JSON lines.
 * <p>
 * Arguments: {@code size bolt-uri graphql-url out.jsonl [key=value...]}, keys: {@code seconds} (measured per shape, mode
 * and concurrency, default 8), {@code warmup} (default 2), {@code shapes} (comma list, default all), {@code peer}
 * (peer GraphQL URL), {@code import} (true/false), {@code importDir} (the database's import directory).
 */
public final class Bench {

	static final int[] CONCURRENCY = { 1, 16 };

	static final long MAX_REQUESTS = 50_000;

	final String size;

	final Driver driver;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	final URI graphql;

	final Writer out;

	final Map<String, String> options;

	final CypherStatements statements = new CypherStatements();

	final TransactionConfig txConfig = TransactionConfig.builder().withTimeout(Duration.ofSeconds(60)).build();

	Bench(String size, String bolt, String graphql, Writer out, Map<String, String> options) {
		this.size = size;
		this.driver = GraphDatabase.driver(bolt, AuthTokens.none(),
				Config.builder().withoutEncryption().withMaxConnectionPoolSize(64).build());
		this.graphql = URI.create(graphql);
		this.out = out;
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		if (args[0].equals("loadprofile")) { // bench tool: PROFILE one batch of each write statement on a fresh store
			try (Driver d = GraphDatabase.driver(args[1], AuthTokens.none(), Config.builder().withoutEncryption().build());
					var session = d.session()) {
				CuratedGraph graph = Generator.generate(args[2], 42).graph();
				CypherStatements st = new CypherStatements();
				for (int round = 0; round < 3; round++) {
					List<Map<String, Object>> nodes = graph.nodes().subList(round * 2000, round * 2000 + 2000);
					long t = System.nanoTime();
					var summary = session.run((round == 2 ? "PROFILE " : "") + st.text("ingest/merge-nodes"), Map.of("rows", nodes)).consume();
					System.out.printf("nodes batch %d: %d ms%n", round, (System.nanoTime() - t) / 1_000_000);
					if (summary.hasProfile()) {
						System.out.println(summary.profile());
					}
				}
				new GraphWriter(d, st).write(new CuratedGraph(graph.nodes(), List.of()));
				for (int round = 0; round < 3; round++) {
					List<Map<String, Object>> ties = graph.ties().subList(round * 2000, round * 2000 + 2000);
					long t = System.nanoTime();
					var summary = session.run((round == 2 ? "PROFILE " : "") + st.text("ingest/merge-ties"), Map.of("rows", ties)).consume();
					System.out.printf("ties batch %d: %d ms%n", round, (System.nanoTime() - t) / 1_000_000);
					if (summary.hasProfile()) {
						System.out.println(summary.profile());
					}
				}
			}
			return;
		}
		if (args[0].equals("cypher")) { // bench tool: run one statement and print its records (PROFILE welcome)
			try (Driver d = GraphDatabase.driver(args[1], AuthTokens.none(), Config.builder().withoutEncryption().build());
					var session = d.session()) {
				Map<String, Object> p = new HashMap<>();
				for (int i = 3; i + 1 < args.length; i += 2) {
					p.put(args[i], args[i + 1]);
				}
				p.put("grants", List.of("tlp:CLEAR"));
				var result = session.run(args[2], p);
				result.list().forEach((r) -> System.out.println(r.asMap()));
				var summary = result.consume();
				if (summary.hasProfile()) {
					System.out.println(summary.profile());
				}
			}
			return;
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 4; i < args.length; i++) {
			String[] kv = args[i].split("=", 2);
			options.put(kv[0], kv[1]);
		}
		try (Writer out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
			Bench bench = new Bench(args[0], args[1], args[2], out, options);
			try {
				bench.run();
			}
			finally {
				bench.driver.close();
			}
		}
	}

	void run() throws Exception {
		long t = System.nanoTime();
		Generator g = Generator.generate(this.size, 42);
		log("generated %s: %d nodes, %d relationships in %d ms", this.size, g.nodeCount(), g.tieCount(),
				(System.nanoTime() - t) / 1_000_000);
		CuratedGraph graph = g.graph();
		awaitSchema();
		boolean worst = this.options.containsKey("worst"); // worst=N: each heavy shape N times, one at a time
		if (worst) {
			if (!this.options.getOrDefault("load", "true").equals("false")) {
				record("load", Map.of("method", "GraphWriter (fresh store)"), load(graph));
			}
			worst(g, Integer.parseInt(this.options.get("worst")));
			if (!this.options.containsKey("shapes")) {
				return;
			}
		}
		if (!worst && !this.options.getOrDefault("load", "true").equals("false")) { // load=false: a kept store holds it
			record("load", Map.of("method", "GraphWriter (fresh store)"), load(graph));
		}
		if (List.of("1", "true").contains(this.options.getOrDefault("analytics", "false"))) {
			analytics();
		}
		int seconds = Integer.parseInt(this.options.getOrDefault("seconds", "8"));
		int warmup = Integer.parseInt(this.options.getOrDefault("warmup", "2"));
		List<String> only = Arrays.asList(this.options.getOrDefault("shapes",
				"lookup,search,profile,neighbourhood,paths,coverage,centrality").split(","));
		if (this.options.containsKey("ab")) {
			ab(g, only);
			return;
		}
		// A fresh service compiles its GraphQL stack for a while: warm every shape, both ways, before measuring any.
		int globalWarmup = Integer.parseInt(this.options.getOrDefault("globalWarmup", "4"));
		List<String> modes = Arrays.asList(this.options.getOrDefault("modes", "graphql,raw").split(","));
		for (Shape shape : shapes(g)) {
			if (only.contains(shape.name) && !shape.name.equals("centrality")) {
				run(shape.graphql, 16, globalWarmup, new AtomicLong(), new AtomicReference<>());
				if (modes.contains("raw")) {
					run(shape.raw, 16, globalWarmup / 2, new AtomicLong(), new AtomicReference<>());
				}
			}
		}
		for (Shape shape : shapes(g)) {
			if (!only.contains(shape.name)) {
				continue;
			}
			for (int c : concurrency()) {
				for (String mode : Arrays.asList(this.options.getOrDefault("modes", "graphql,raw").split(","))) {
					IntFunction<String> call = mode.equals("graphql") ? shape.graphql : shape.raw;
					measure(shape.name, mode, c, call, warmup, seconds);
				}
			}
		}
		String peer = this.options.get("peer");
		if (peer != null) {
			URI peerUri = URI.create(peer);
			for (Shape shape : peerShapes(g, peerUri)) {
				for (int c : CONCURRENCY) {
					measure(shape.name, "graphql", c, shape.graphql, warmup, seconds);
					measure(shape.name, "peer", c, shape.raw, warmup, seconds);
				}
			}
		}
		if (List.of("1", "true").contains(this.options.getOrDefault("import", "false"))) {
			try {
				importComparison(graph);
			}
			catch (RuntimeException ex) {
				record("load", Map.of("method", "import comparison failed"), Map.of("error", String.valueOf(ex)));
			}
		}
	}

	// ---- A/B: the modes of one shape interleaved in rounds, with the CPU each process spent per request

	/**
	 * For each shape and concurrency: every mode warmed up by request count until its p50 is stable, then
	 * {@code ab} rounds in which each mode runs {@code roundSeconds}, the order rotated each round (A B C, B C A, C A B),
	 * so that a mode is never always first or last. Each window records requests, latency, and the user+sys CPU the
	 * service process ({@code servicePid}), the peer ({@code peerPid}) and this harness spent in it, per request.
	 * Modes: {@code graphql}, {@code raw} (the same Cypher through the driver, from here), {@code bare} (the service's
	 * bench-only endpoint: the same driver call and JSON without GraphQL), and for the peer's shapes {@code peer}.
	 * With {@code jfr=dir}: afterwards one JFR recording of the service per shape under a steady GraphQL load.
	 */
	void ab(Generator g, List<String> only) throws Exception {
		int rounds = Integer.parseInt(this.options.get("ab"));
		int roundSeconds = Integer.parseInt(this.options.getOrDefault("roundSeconds", "4"));
		List<String> modes = Arrays.asList(this.options.getOrDefault("modes", "graphql,raw,bare").split(","));
		Map<String, IntFunction<String>> bare = bareShapes(g);
		for (Shape shape : shapes(g)) {
			if (!only.contains(shape.name)) {
				continue;
			}
			Map<String, IntFunction<String>> calls = new LinkedHashMap<>();
			for (String mode : modes) {
				switch (mode) {
					case "graphql" -> calls.put(mode, shape.graphql);
					case "raw" -> calls.put(mode, shape.raw);
					case "bare" -> {
						if (bare.containsKey(shape.name) && this.options.containsKey("bare")) {
							calls.put(mode, bare.get(shape.name));
						}
					}
					default -> {
					}
				}
			}
			for (int c : concurrency()) {
				abRounds(shape.name, calls, c, rounds, roundSeconds);
			}
		}
		String peer = this.options.get("peer");
		if (peer != null && !this.options.getOrDefault("peerShapes", "lookup,nested").isEmpty()) {
			List<String> peerOnly = Arrays.asList(this.options.getOrDefault("peerShapes", "lookup,nested").split(","));
			for (Shape shape : peerShapes(g, URI.create(peer))) {
				if (!peerOnly.contains(shape.name.substring("peer:".length()))) {
					continue;
				}
				Map<String, IntFunction<String>> calls = new LinkedHashMap<>();
				calls.put("graphql", shape.graphql);
				calls.put("peer", shape.raw);
				for (int c : concurrency()) {
					abRounds(shape.name, calls, c, rounds, roundSeconds);
				}
			}
		}
		if (this.options.containsKey("jfr")) {
			profiles(g, only);
		}
	}

	void abRounds(String shape, Map<String, IntFunction<String>> calls, int c, int rounds, int roundSeconds)
			throws Exception {
		for (var mode : calls.entrySet()) {
			warmUp(shape, mode.getKey(), mode.getValue(), c);
		}
		List<String> order = new ArrayList<>(calls.keySet());
		for (int round = 1; round <= rounds; round++) {
			for (String mode : order) {
				window(shape, mode, calls.get(mode), c, round, roundSeconds);
			}
			order.add(order.removeFirst());
		}
	}

	/**
	 * Warm-up counted in requests: batches of {@code max(250, 25 x c)} until at least {@code warmupRequests} (2000)
	 * were answered and two successive batches' p50 agree within 10 %, or {@code warmupSeconds} (60) passed.
	 */
	void warmUp(String shape, String mode, IntFunction<String> call, int c) throws InterruptedException {
		int least = Integer.parseInt(this.options.getOrDefault("warmupRequests", "2000"));
		long until = System.nanoTime() + Long.parseLong(this.options.getOrDefault("warmupSeconds", "60")) * 1_000_000_000L;
		int batch = Math.max(250, 25 * c);
		long done = 0;
		double previous = -1;
		double p50 = -1;
		boolean stable = false;
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		while (System.nanoTime() < until) {
			long[] all = runCount(call, c, batch, until, errors, firstError).stream().flatMapToLong(Arrays::stream)
				.sorted().toArray();
			done += all.length;
			p50 = pct(all, 50);
			stable = previous > 0 && Math.abs(p50 - previous) <= 0.1 * previous;
			if (done >= least && stable) {
				break;
			}
			previous = p50;
			if (all.length == 0) {
				break;
			}
		}
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("shape", shape);
		key.put("mode", mode);
		key.put("concurrency", c);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("requests", done);
		m.put("errors", errors.get());
		m.put("p50", p50);
		m.put("stable", stable);
		if (firstError.get() != null) {
			m.put("firstError", firstError.get());
		}
		if (done == 0 && errors.get() > 0) {
			// every request failed: a fault of the harness or the statement, never a figure (its rounds would read as 0/s)
			m.put("fault", true);
			System.err.printf("BENCH FAULT: %s %s at c=%d answered no request without an error: %s%n", shape, mode, c,
					firstError.get());
		}
		record("warmup", key, m);
	}

	void window(String shape, String mode, IntFunction<String> call, int c, int round, int seconds)
			throws InterruptedException {
		String service = this.options.get("servicePid");
		String peerPid = this.options.get("peerPid");
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		long s0 = cpuTicks(service);
		long p0 = cpuTicks(peerPid);
		long h0 = cpuTicks("self");
		long start = System.nanoTime();
		List<long[]> latencies = run(call, c, seconds, errors, firstError);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long s1 = cpuTicks(service);
		long p1 = cpuTicks(peerPid);
		long h1 = cpuTicks("self");
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		long n = Math.max(1, all.length + errors.get());
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("shape", shape);
		key.put("mode", mode);
		key.put("concurrency", c);
		key.put("round", round);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("requests", all.length);
		m.put("errors", errors.get());
		m.put("seconds", elapsed);
		m.put("throughput", all.length / elapsed);
		m.put("p50", pct(all, 50));
		m.put("p95", pct(all, 95));
		// clock ticks are 10 ms: ms of CPU per request over the window
		m.put("serviceCpuMs", (s0 < 0 || s1 < 0) ? -1 : (s1 - s0) * 10.0 / n);
		m.put("peerCpuMs", (p0 < 0 || p1 < 0) ? 0 : (p1 - p0) * 10.0 / n);
		m.put("harnessCpuMs", (h1 - h0) * 10.0 / n);
		m.put("serviceCores", (s0 < 0 || s1 < 0) ? -1 : (s1 - s0) / 100.0 / elapsed);
		m.put("harnessCores", (h1 - h0) / 100.0 / elapsed);
		m.put("load", loadAverage());
		if (firstError.get() != null) {
			m.put("firstError", firstError.get());
		}
		record("ab", key, m);
	}

	/** user+sys CPU of a process ({@code self} for this one) in clock ticks of 10 ms; -1 when unknown. */
	static long cpuTicks(String pid) {
		if (pid == null) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 (utime) and 15 (stime)
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** The bench's shapes through the service's bare endpoints ({@code bare=http://host:port}). */
	Map<String, IntFunction<String>> bareShapes(Generator g) {
		String base = this.options.get("bare");
		Map<String, IntFunction<String>> calls = new LinkedHashMap<>();
		if (base == null) {
			return calls;
		}
		// the same samples as shapes(g): same seed, same order of draws
		SplittableRandom r = new SplittableRandom(7);
		int n = 256;
		List<String> ids = new ArrayList<>();
		List<String> centres = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		List<String> all = g.graph().nodes().stream().map((row) -> (String) row.get("id")).toList();
		for (int i = 0; i < n; i++) {
			ids.add(all.get(r.nextInt(all.size())));
			centres.add(actor(g, r, true));
			actor(g, r, false);
			actor(g, r, false);
			String[] words = g.names.get(r.nextInt(g.names.size())).split(" ");
			texts.add(prefix(words[0]) + ((words.length > 1) ? " " + prefix(words[1]) : ""));
			List<String> kinds = new ArrayList<>(List.of(Generator.INSTRUMENT_KINDS));
			java.util.Collections.shuffle(kinds, new java.util.Random(r.nextLong()));
		}
		calls.put("lookup", (i) -> get(base + "/bench/bare/lookup?id=" + enc(ids.get(i % n))));
		calls.put("search", (i) -> get(base + "/bench/bare/search?text=" + enc(texts.get(i % n))));
		calls.put("profile", (i) -> get(base + "/bench/bare/profile?id=" + enc(centres.get(i % n))));
		calls.put("neighbourhood", (i) -> get(base + "/bench/bare/neighbourhood?id=" + enc(centres.get(i % n))));
		return calls;
	}

	static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	String get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(), false);
	}

	/** Sends one request: null when it was answered (200, and no GraphQL errors when asked), else what went wrong. */
	String send(HttpRequest request, boolean graphQlErrorsFail) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || (graphQlErrorsFail && response.body().contains("\"errors\""))) {
				return response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length()));
			}
			return null;
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex.toString();
		}
	}

	/**
	 * One JFR recording of the service ({@code jcmd servicePid JFR.start}, profile settings) per shape, under GraphQL at
	 * concurrency {@code jfrConcurrency} (16) for {@code jfrSeconds} (20), into {@code jfr=dir}: bench/jfr-layers.py breaks it down by layer.
	 */
	void profiles(Generator g, List<String> only) throws Exception {
		String pid = this.options.get("servicePid");
		Path dir = Path.of(this.options.get("jfr"));
		Files.createDirectories(dir);
		int seconds = Integer.parseInt(this.options.getOrDefault("jfrSeconds", "20"));
		int concurrency = Integer.parseInt(this.options.getOrDefault("jfrConcurrency", "16"));
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Map<String, IntFunction<String>> bare = bareShapes(g);
		for (Shape shape : shapes(g)) {
			if (!only.contains(shape.name)) {
				continue;
			}
			for (String mode : this.options.getOrDefault("jfrModes", "graphql").split(",")) {
				IntFunction<String> call = switch (mode) {
					case "raw" -> shape.raw;
					case "bare" -> bare.get(shape.name);
					default -> shape.graphql;
				};
				if (call == null) {
					continue;
				}
				Path file = dir.resolve(shape.name + "-" + mode + "-c" + concurrency + ".jfr").toAbsolutePath();
				exec(jcmd, pid, "JFR.start", "name=thin", "settings=profile");
				run(call, concurrency, seconds, new AtomicLong(), new AtomicReference<>());
				exec(jcmd, pid, "JFR.stop", "name=thin", "filename=" + file);
				log("profile %s %s: %s", shape.name, mode, file);
			}
		}
	}

	static void exec(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
		process.waitFor();
	}

	/** {@code total} requests over {@code concurrency} workers (each its share), stopping at {@code until} (nanoTime). */
	static List<long[]> runCount(IntFunction<String> call, int concurrency, int total, long until, AtomicLong errors,
			AtomicReference<String> firstError) throws InterruptedException {
		long[][] results = new long[concurrency][];
		List<Thread> threads = new ArrayList<>();
		int each = Math.max(1, total / concurrency);
		for (int w = 0; w < concurrency; w++) {
			int worker = w;
			threads.add(Thread.ofPlatform().start(() -> {
				long[] lat = new long[each];
				int count = 0;
				int i = worker * 37 + (int) (System.nanoTime() & 0xff);
				for (int k = 0; k < each && System.nanoTime() < until; k++) {
					long t = System.nanoTime();
					String error = call.apply(i++);
					if (error != null) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, error);
						continue;
					}
					lat[count++] = System.nanoTime() - t;
				}
				results[worker] = Arrays.copyOf(lat, count);
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return Arrays.asList(results);
	}

	// ---- analytics: each question once cold (computed) and then warm (from the cache), through GraphQL

	void analytics() {
		String score = "{ rank score standardError sample { sampledSources actors seed } node { id } }";
		Map<String, String> questions = new LinkedHashMap<>();
		questions.put("degree", "{ centrality(measure: DEGREE, top: 10) " + score + " }");
		questions.put("pagerank", "{ centrality(measure: PAGERANK, top: 10) " + score + " }");
		questions.put("betweenness exact", "{ centrality(measure: BETWEENNESS, top: 10) " + score + " }");
		questions.put("betweenness samples=50", "{ centrality(measure: BETWEENNESS, top: 10, samples: 50) " + score + " }");
		questions.put("betweenness samples=200", "{ centrality(measure: BETWEENNESS, top: 10, samples: 200) " + score + " }");
		questions.put("communities", "{ communities(minSize: 2) { modularity communities { size } } }");
		questions.put("brokers EU-countries", "{ brokers(between: {labels: [UNION]}, and: {labels: [COUNTRY]}, top: 10) "
				+ score + " }");
		for (var q : questions.entrySet()) {
			long t = System.nanoTime();
			String[] body = new String[1];
			String error = gqlBody(q.getValue(), body);
			double cold = (System.nanoTime() - t) / 1e6;
			List<Double> warm = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				long w = System.nanoTime();
				gql(q.getValue(), Map.of());
				warm.add((System.nanoTime() - w) / 1e6);
			}
			java.util.Collections.sort(warm);
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("coldMs", cold);
			values.put("warmMedianMs", warm.get(2));
			values.put("load", loadAverage());
			values.put("error", (error != null) ? error : "");
			values.put("answer", (body[0] != null) ? body[0].substring(0, Math.min(600, body[0].length())) : "");
			record("analytics", Map.of("question", q.getKey()), values);
		}
	}

	String gqlBody(String query, String[] body) {
		String json = "{\"query\":" + json(query) + "}";
		HttpRequest request = HttpRequest.newBuilder(this.graphql).timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			body[0] = response.body();
			return (response.statusCode() != 200 || response.body().contains("\"errors\"")) ? "HTTP " + response.statusCode() : null;
		}
		catch (IOException | InterruptedException ex) {
			return ex.toString();
		}
	}

	int[] concurrency() {
		String c = this.options.get("concurrency");
		return (c == null) ? CONCURRENCY : Arrays.stream(c.split(",")).mapToInt(Integer::parseInt).toArray();
	}

	/**
	 * The heaviest shapes we could think of within the published limits, each asked {@code reps} times one after the
	 * other over GraphQL (after one unmeasured round): hubs (the most tied countries, the EU), the widest limits, far
	 * and unconnected pairs, filters that match most of the graph. Records p50 and max per shape: the question is
	 * whether any single request holds a core for more than 2 s.
	 */
	void worst(Generator g, int reps) throws Exception {
		String hub = g.countries.get(0);
		String hub2 = g.countries.get(1);
		String leaf = g.countries.get(g.countries.size() - 1);
		String org = g.organisations.get(g.organisations.size() - 1);
		String org2 = g.organisations.get(g.organisations.size() / 2);
		String kinds = Arrays.stream(Generator.INSTRUMENT_KINDS).map((k) -> "\"" + k + "\"").collect(Collectors.joining(","));
		String k1 = Generator.INSTRUMENT_KINDS[0];
		String k2 = Generator.INSTRUMENT_KINDS[1];
		Map<String, String> shapes = new LinkedHashMap<>();
		String sub = "{ nodes { id } edges { id } omittedNodes omittedNodesExact omittedEdges }";
		String subOld = "{ nodes { id } edges { id } omittedNodes omittedEdges }";
		String nb = this.options.getOrDefault("old", "false").equals("true") ? subOld : sub;
		String pathFields = this.options.getOrDefault("old", "false").equals("true") ? "{ found message paths { length } }"
				: "{ found cut message paths { length } }";
		shapes.put("neighbourhood d2 hub country, limit 500", "{ neighbourhood(id: \"" + hub + "\", depth: 2, limit: 500) " + nb + " }");
		shapes.put("neighbourhood d2 leaf organisation, limit 100", "{ neighbourhood(id: \"" + org + "\", depth: 2, limit: 100) " + nb + " }");
		shapes.put("neighbourhood d3 EU, limit 500", "{ neighbourhood(id: \"union:eu\", depth: 3, limit: 500) " + nb + " }");
		shapes.put("neighbourhood d3 leaf organisation, limit 500", "{ neighbourhood(id: \"" + org + "\", depth: 3, limit: 500) " + nb + " }");
		shapes.put("paths k=10 maxHops 6, two leaf organisations", "{ paths(from: \"" + org + "\", to: \"" + org2 + "\", k: 10, maxHops: 6) " + pathFields + " }");
		shapes.put("paths k=3 maxHops 4, leaf organisation to leaf country", "{ paths(from: \"" + org + "\", to: \"" + leaf + "\", k: 3, maxHops: 4) " + pathFields + " }");
		shapes.put("paths k=10 maxHops 6, hub to hub", "{ paths(from: \"" + hub + "\", to: \"" + hub2 + "\", k: 10, maxHops: 6) " + pathFields + " }");
		shapes.put("commonPartners hub x hub, limit 500", "{ commonPartners(a: \"" + hub + "\", b: \"" + hub2 + "\", limit: 500) { partner { id } } }");
		shapes.put("commonPartners EU x hub, limit 500", "{ commonPartners(a: \"union:eu\", b: \"" + hub + "\", limit: 500) { partner { id } } }");
		shapes.put("connections EU x hub", "{ connections(a: \"union:eu\", b: \"" + hub + "\") { direct { id } through { via { id } } } }");
		shapes.put("coverage all actors x 30 kinds, limit 500", "{ coverage(kinds: [" + kinds + "], limit: 500) { truncated rows { covered } } }");
		shapes.put("coverage countries x 30 kinds", "{ coverage(actors: {labels: [COUNTRY]}, kinds: [" + kinds + "], limit: 500) { truncated rows { covered } } }");
		shapes.put("gaps all actors lacks 1 kind, limit 500", "{ gaps(lacks: [\"" + k1 + "\"], limit: 500) { actor { id } } }");
		shapes.put("gaps all actors has 1 lacks 1, limit 500", "{ gaps(has: [\"" + k1 + "\"], lacks: [\"" + k2 + "\"], limit: 500) { actor { id } has { instrument { id } } } }");
		shapes.put("untied organisations from countries, limit 500", "{ untied(actors: {labels: [ORGANISATION]}, from: {labels: [COUNTRY]}, limit: 500) { id } }");
		shapes.put("untied civilian from defence, limit 500", "{ untied(actors: {sectors: [\"civilian\"]}, from: {sectors: [\"defence\"]}, limit: 500) { id } }");
		shapes.put("profile hub country", "{ profile(id: \"" + hub + "\") { ties { other { id } counterparts { node { id } } } } }");
		shapes.put("profile EU", "{ profile(id: \"union:eu\") { ties { other { id } counterparts { node { id } } } } }");
		shapes.put("timeline EU", "{ timeline(id: \"union:eu\") { events { date } } }");
		shapes.put("search 'a' first 50", "{ search(text: \"a\", first: 50) { score node { id } } }");
		shapes.put("actors first 100 filter kinds", "{ actors(filter: {kinds: [\"association\"]}, first: 100) { nodes { id } } }");
		shapes.put("instruments first 100 party hub", "{ instruments(filter: {party: \"" + hub + "\"}, first: 100) { nodes { id } } }");
		shapes.put("instruments first 100 statuses+kinds", "{ instruments(filter: {kinds: [" + kinds + "], statuses: [\"in-force\"]}, first: 100) { nodes { id } } }");
		String only = this.options.get("only");
		for (var e : shapes.entrySet()) {
			if (only != null && !e.getKey().contains(only)) {
				continue;
			}
			String error = gql(e.getValue(), Map.of()); // unmeasured: plans, caches
			long[] times = new long[reps];
			for (int i = 0; i < reps; i++) {
				long t = System.nanoTime();
				String err = gql(e.getValue(), Map.of());
				times[i] = System.nanoTime() - t;
				if (err != null) {
					error = err;
				}
			}
			Arrays.sort(times);
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("requests", reps);
			m.put("p50", pct(times, 50));
			m.put("max", times[reps - 1] / 1e6);
			m.put("load", loadAverage());
			if (error != null) {
				m.put("firstError", error.substring(0, Math.min(200, error.length())));
			}
			record("worst", Map.of("shape", e.getKey()), m);
		}
	}

	// ---- loading

	/** The service applies its schema after it starts serving: wait for the id constraint and every index. */
	void awaitSchema() throws InterruptedException {
		try (var session = this.driver.session()) {
			for (int i = 0; i < 600; i++) {
				if (!session.run("SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id_unique' RETURN name").list()
					.isEmpty() && session.run("SHOW INDEXES YIELD name").list().size() >= 5) {
					break;
				}
				Thread.sleep(200);
			}
			session.run("CALL db.awaitIndexes(300)").consume();
			log("schema: %s", session.run("SHOW INDEXES YIELD name, state RETURN collect(name + ' ' + state) AS i")
				.single().get("i").asList());
		}
	}

	/** Writes the graph through GraphWriter: nodes, then ties, each call one transaction of up to 50k rows. */
	Map<String, Object> load(CuratedGraph graph) {
		GraphWriter writer = new GraphWriter(this.driver, this.statements);
		int chunk = 50_000;
		long t = System.nanoTime();
		for (int i = 0; i < graph.nodes().size(); i += chunk) {
			writer.write(new CuratedGraph(graph.nodes().subList(i, Math.min(graph.nodes().size(), i + chunk)), List.of()));
		}
		long nodesDone = System.nanoTime();
		for (int i = 0; i < graph.ties().size(); i += chunk) {
			writer.write(new CuratedGraph(List.of(), graph.ties().subList(i, Math.min(graph.ties().size(), i + chunk))));
		}
		long done = System.nanoTime();
		return rates(graph, t, nodesDone, done);
	}

	static Map<String, Object> rates(CuratedGraph graph, long t, long nodesDone, long done) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("nodes", graph.nodes().size());
		m.put("relationships", graph.ties().size());
		m.put("nodeSeconds", (nodesDone - t) / 1e9);
		m.put("relSeconds", (done - nodesDone) / 1e9);
		m.put("seconds", (done - t) / 1e9);
		m.put("nodesPerSecond", graph.nodes().size() / ((nodesDone - t) / 1e9));
		m.put("relsPerSecond", graph.ties().size() / ((done - nodesDone) / 1e9));
		return m;
	}

	void wipe() {
		try (var session = this.driver.session()) {
			session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume();
			session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume();
		}
	}

	static final String[] NODE_COLUMNS = { "name", "kind", "acronym", "description", "status", "euStatus", "sector",
			"lengthKm", "start", "startFrom", "startTo", "end", "endFrom", "endTo", "tlp", "tlpLevel", "access",
			"sourceIds", "sourceLocators" };

	static final String[] TIE_COLUMNS = { "role", "start", "startFrom", "startTo", "end", "endFrom", "endTo", "tlp",
			"tlpLevel", "access", "sourceIds", "sourceLocators" };

	/** CSV columns back to the rows GraphWriter sends (empty cells are nulls, which SET += leaves unset). */
	static final String NODE_ROW = """
			WITH {id: csv.id, labels: split(csv.labels, ';'), props: {name: csv.name, kind: csv.kind,
			  acronym: csv.acronym, description: csv.description, status: csv.status, euStatus: csv.euStatus,
			  sector: csv.sector, lengthKm: toFloat(csv.lengthKm), start: csv.start, startFrom: date(csv.startFrom),
			  startTo: date(csv.startTo), end: csv.end, endFrom: date(csv.endFrom), endTo: date(csv.endTo),
			  tlp: csv.tlp, tlpLevel: toInteger(csv.tlpLevel), access: split(csv.access, ';'),
			  sourceIds: split(csv.sourceIds, ';'), sourceLocators: split(csv.sourceLocators, ';')}} AS row
			""";

	static final String TIE_ROW = """
			WITH {id: csv.id, from: csv.from, type: csv.type, to: csv.to, props: {id: csv.id, role: csv.role,
			  start: csv.start, startFrom: date(csv.startFrom), startTo: date(csv.startTo), end: csv.end,
			  endFrom: date(csv.endFrom), endTo: date(csv.endTo), tlp: csv.tlp, tlpLevel: toInteger(csv.tlpLevel),
			  access: split(csv.access, ';'), sourceIds: split(csv.sourceIds, ';'),
			  sourceLocators: split(csv.sourceLocators, ';')}} AS row
			""";

	/**
	 * The LOAD CSV form of an ingest file: the same statement after its {@code UNWIND $rows AS row}, fed by the CSV
	 * rows in transactions of 2000 rows (GraphWriter's batch size), so only the row source and the commits differ.
	 */
	String loadCsv(String file, String toRow) {
		String text = this.statements.text(file).lines().filter((l) -> !l.startsWith("//")).collect(Collectors.joining("\n"));
		String body = text.substring(text.indexOf("UNWIND $rows AS row") + "UNWIND $rows AS row".length());
		return "LOAD CSV WITH HEADERS FROM $url AS csv\nCALL (csv) {\n" + toRow + body + "\n} IN TRANSACTIONS OF 2000 ROWS";
	}

	/** The same rows: wipe, LOAD CSV, wipe, GraphWriter again (both on a store that held the graph before). */
	void importComparison(CuratedGraph graph) throws IOException {
		// The rows as CSV, served over loopback HTTP (file:/// URLs were refused by the embedded DBMS here even from
		// its import directory; the HTTP read is a stream of a few MB, not what costs).
		Path dir = Path.of(this.options.get("csvDir"));
		Files.createDirectories(dir);
		writeCsv(dir.resolve("bench-nodes.csv"), graph.nodes(), true);
		writeCsv(dir.resolve("bench-ties.csv"), graph.ties(), false);
		var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
			if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			exchange.sendResponseHeaders(200, Files.size(file));
			try (var body = exchange.getResponseBody()) {
				Files.copy(file, body);
			}
		});
		server.start();
		String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
		String nodesUrl = base + "bench-nodes.csv";
		String tiesUrl = base + "bench-ties.csv";
		try {
			importRounds(graph, nodesUrl, tiesUrl);
		}
		finally {
			server.stop(0);
		}
	}

	void importRounds(CuratedGraph graph, String nodesUrl, String tiesUrl) {
		for (int round = 1; round <= 2; round++) {
			wipe();
			long t = System.nanoTime();
			try (var session = this.driver.session()) {
				session.run(loadCsv("ingest/merge-nodes", NODE_ROW), Map.of("url", nodesUrl)).consume();
				long nodesDone = System.nanoTime();
				session.run(loadCsv("ingest/merge-ties", TIE_ROW), Map.of("url", tiesUrl)).consume();
				long done = System.nanoTime();
				Map<String, Object> m = rates(graph, t, nodesDone, done);
				try (var check = this.driver.session()) {
					m.put("check", check.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong());
				}
				record("load", Map.of("method", "LOAD CSV ... CALL { same MERGE } IN TRANSACTIONS OF 2000 ROWS, run " + round), m);
			}
			wipe();
			record("load", Map.of("method", "GraphWriter (wiped store), run " + round), load(graph));
		}
	}

	static void writeCsv(Path file, List<Map<String, Object>> rows, boolean nodes) throws IOException {
		String[] columns = nodes ? NODE_COLUMNS : TIE_COLUMNS;
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(nodes ? "id,labels" : "id,from,type,to");
			for (String c : columns) {
				w.write("," + c);
			}
			w.write("\n");
			for (Map<String, Object> row : rows) {
				@SuppressWarnings("unchecked")
				Map<String, Object> props = (Map<String, Object>) row.get("props");
				StringBuilder b = new StringBuilder(csv(row.get("id")));
				if (nodes) {
					b.append(',').append(csv(row.get("labels")));
				}
				else {
					b.append(',').append(csv(row.get("from"))).append(',').append(csv(row.get("type")))
						.append(',').append(csv(row.get("to")));
				}
				for (String c : columns) {
					b.append(',').append(csv(props.get(c)));
				}
				w.write(b.append('\n').toString());
			}
		}
	}

	static String csv(Object value) {
		if (value == null) {
			return "";
		}
		String s = (value instanceof List<?> list) ? list.stream().map(String::valueOf).collect(Collectors.joining(";"))
				: String.valueOf(value);
		return "\"" + s.replace("\"", "\"\"") + "\"";
	}

	// ---- shapes

	record Shape(String name, IntFunction<String> graphql, IntFunction<String> raw) {
	}

	/** Parameters sampled once (deterministic); request i of a run uses sample i mod 256. */
	List<Shape> shapes(Generator g) {
		SplittableRandom r = new SplittableRandom(7);
		int n = 256;
		List<String> ids = new ArrayList<>();
		List<String> centres = new ArrayList<>();
		List<String[]> pairs = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		List<List<String>> kindSets = new ArrayList<>();
		List<String> all = g.graph().nodes().stream().map((row) -> (String) row.get("id")).toList();
		for (int i = 0; i < n; i++) {
			ids.add(all.get(r.nextInt(all.size())));
			centres.add(actor(g, r, true));
			pairs.add(new String[] { actor(g, r, false), actor(g, r, false) });
			String[] words = g.names.get(r.nextInt(g.names.size())).split(" ");
			texts.add(prefix(words[0]) + ((words.length > 1) ? " " + prefix(words[1]) : ""));
			List<String> kinds = new ArrayList<>(List.of(Generator.INSTRUMENT_KINDS));
			java.util.Collections.shuffle(kinds, new java.util.Random(r.nextLong()));
			kindSets.add(kinds.subList(0, 3));
		}
		String lookupQ = "query($id: ID!) { node(id: $id) { id label name tlp start ... on Instrument { status } } }";
		String searchQ = "query($t: String!) { search(text: $t, first: 20) { score node { id label name } } }";
		String profileQ = "query($id: ID!) { profile(id: $id) { node { id name } ties { direction edge { id type role start } "
				+ "other { id label name } counterparts { node { id name } } } } }";
		String neighbourhoodQ = "query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 100) { nodes { id label name } "
				+ "edges { id type from to } omittedNodes omittedEdges } }";
		String pathsQ = "query($a: ID!, $b: ID!) { paths(from: $a, to: $b, k: 3, maxHops: 4) { found paths { length "
				+ "nodes { id name } edges { id type from to role } } } }";
		String coverageQ = "query($kinds: [String!]!) { coverage(actors: {labels: [COUNTRY]}, kinds: $kinds) { truncated "
				+ "rows { covered actor { id name } cells { kind instruments { instrument { id name } edge { role } } } } } }";
		String centralityQ = "{ centrality(measure: DEGREE, top: 10) { rank score node { id name } } }";
		List<String> actorLabels = Label.actors().stream().map(Label::cypherName).toList();
		List<Shape> shapes = new ArrayList<>();
		shapes.add(new Shape("lookup", (i) -> gql(lookupQ, Map.of("id", ids.get(i % n))),
				(i) -> cypher("catalogue/node-by-id", Map.of("id", ids.get(i % n)))));
		shapes.add(new Shape("search", (i) -> gql(searchQ, Map.of("t", texts.get(i % n))), (i) -> {
			Map<String, Object> p = new HashMap<>();
			p.put("query", lucene(texts.get(i % n)));
			p.put("exact", texts.get(i % n).strip().toLowerCase(Locale.ROOT));
			p.put("whole", words(texts.get(i % n)).stream().map((w) -> "(?s).*(?<![\\p{L}\\p{N}])" + w + "(?![\\p{L}\\p{N}]).*").toList());
			p.put("starts", words(texts.get(i % n)).stream().map((w) -> "(?s).*(?<![\\p{L}\\p{N}])" + w + ".*").toList());
			p.put("labels", null);
			p.put("first", 20);
			return cypher("catalogue/search", p);
		}));
		shapes.add(new Shape("profile", (i) -> gql(profileQ, Map.of("id", centres.get(i % n))),
				// the schema's defaults: the first 200 ties, counterparts within 10,000 visible rows
				(i) -> cypher("catalogue/profile", Map.of("id", centres.get(i % n), "limit", 200, "budget", 10_000))));
		shapes.add(new Shape("neighbourhood", (i) -> gql(neighbourhoodQ, Map.of("id", centres.get(i % n))), (i) -> {
			Map<String, Object> p = new HashMap<>();
			p.put("id", centres.get(i % n));
			p.put("depth", 2);
			p.put("labels", null);
			p.put("types", null);
			p.put("limit", 100);
			p.put("edgeLimit", 400);
			p.put("asOf", null);
			p.put("budget", 2000);
			return cypher("connections/neighbourhood", p);
		}));
		shapes.add(new Shape("paths",
				(i) -> gql(pathsQ, Map.of("a", pairs.get(i % n)[0], "b", pairs.get(i % n)[1])), (i) -> {
					Map<String, Object> p = new HashMap<>();
					p.put("from", pairs.get(i % n)[0]);
					p.put("to", pairs.get(i % n)[1]);
					p.put("k", 3);
					for (String key : List.of("kinds", "avoidKinds", "topics", "actorLabels", "asOf")) {
						p.put(key, null);
					}
					p.put("avoid", List.of());
					return cypherText(this.statements.withHopLimit("connections/paths", 4), p);
				}));
		shapes.add(new Shape("coverage", (i) -> gql(coverageQ, Map.of("kinds", kindSets.get(i % n))), (i) -> {
			Map<String, Object> p = new ActorFilter(List.of(Label.COUNTRY), null, null, null, null, null).parameters("");
			p.put("instrumentKinds", kindSets.get(i % n));
			p.put("asOf", null);
			p.put("limit", 301);
			p.put("budget", 10_000); // the service's work budget (ConnectionQueries.COVERAGE_BUDGET)
			return cypher("connections/coverage", p);
		}));
		shapes.add(new Shape("centrality", (i) -> gql(centralityQ, Map.of()), (i) -> {
			Map<String, Object> p = new HashMap<>();
			p.put("labels", actorLabels);
			p.put("tieKinds", null);
			p.put("asOf", null);
			return cypher("analytics/projection", p);
		}));
		return shapes;
	}

	/** The shapes @neo4j/graphql can express, ours (GraphQL) against the peer's on the same data. */
	List<Shape> peerShapes(Generator g, URI peer) {
		SplittableRandom r = new SplittableRandom(11);
		int n = 256;
		List<String> orgs = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			orgs.add(g.organisations.get(r.nextInt(g.organisations.size())));
			kinds.add(Generator.INSTRUMENT_KINDS[r.nextInt(Generator.INSTRUMENT_KINDS.length)]);
		}
		String oursLookup = "query($id: ID!) { node(id: $id) { id name kind tlp } }";
		String peerLookup = "query($id: ID!) { organisations(where: {id: {eq: $id}, tlpLevel: {lte: 0}}) { id name kind tlp } }";
		String oursListing = "query($k: String!) { instruments(filter: {kinds: [$k]}, first: 20) { nodes { id name kind "
				+ "... on Instrument { status } } } }";
		String peerListing = "query($k: String!) { instruments(where: {kind: {eq: $k}, tlpLevel: {lte: 0}}, limit: 20, "
				+ "sort: [{name: ASC}, {id: ASC}]) { id name kind status } }";
		String oursNested = "query($id: ID!) { profile(id: $id) { node { id name } ties { other { id name } "
				+ "counterparts { node { id name } } } } }";
		String peerNested = "query($id: ID!) { organisations(where: {id: {eq: $id}, tlpLevel: {lte: 0}}) { id name "
				+ "partyTo(where: {tlpLevel: {lte: 0}}) { id name parties(where: {tlpLevel: {lte: 0}}, limit: 50) { id name } } "
				+ "participatesIn(where: {tlpLevel: {lte: 0}}) { id name participants(where: {tlpLevel: {lte: 0}}, limit: 50) { id name } } } }";
		return List.of(
				new Shape("peer:lookup", (i) -> gql(oursLookup, Map.of("id", orgs.get(i % n))),
						(i) -> gql(peer, peerLookup, Map.of("id", orgs.get(i % n)))),
				new Shape("peer:listing", (i) -> gql(oursListing, Map.of("k", kinds.get(i % n))),
						(i) -> gql(peer, peerListing, Map.of("k", kinds.get(i % n)))),
				new Shape("peer:nested", (i) -> gql(oursNested, Map.of("id", orgs.get(i % n))),
						(i) -> gql(peer, peerNested, Map.of("id", orgs.get(i % n)))));
	}

	static String prefix(String word) {
		String w = word.replaceAll("[^A-Za-z0-9]", "");
		return w.substring(0, Math.min(5, w.length())).toLowerCase(Locale.ROOT);
	}

	/** 10 % countries (the hubs among them), 90 % other actors, uniformly; never the EU itself for profiles. */
	static String actor(Generator g, SplittableRandom r, boolean noEu) {
		if (r.nextInt(10) == 0) {
			return g.countries.get(r.nextInt(g.countries.size()));
		}
		String a = g.actors.get(r.nextInt(g.actors.size()));
		return (noEu && a.equals("union:eu")) ? "org:o1" : a;
	}

	/** SearchText.lucene (package-private in the service), the same rule: each word whole (boosted) or as a prefix. */
	static String lucene(String text) {
		List<String> words = words(text);
		return String.join(" AND ", words.stream().map((w) -> "(" + w + "^2 OR " + w + "*)").toList());
	}

	/** SearchText.words: letters and digits, lower case, at most 10. */
	static List<String> words(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+"))
			.filter((w) -> !w.isEmpty())
			.limit(10)
			.toList();
	}

	// ---- requests: each returns null on success, or an error text

	String gql(String query, Map<String, Object> variables) {
		return gql(this.graphql, query, variables);
	}

	String gql(URI uri, String query, Map<String, Object> variables) {
		String body = "{\"query\":" + json(query) + ",\"variables\":" + json(variables) + "}";
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
		return send(request, true);
	}

	String cypher(String file, Map<String, Object> parameters) {
		return cypherText(this.statements.text(file), parameters);
	}

	String cypherText(String text, Map<String, Object> parameters) {
		Map<String, Object> p = new HashMap<>(parameters);
		p.put("grants", List.of("tlp:CLEAR"));
		try (var session = this.driver.session(SessionConfig.builder().withDatabase("neo4j").withDefaultAccessMode(AccessMode.READ).build())) {
			session.run(text, p, this.txConfig).list();
			return null;
		}
		catch (RuntimeException ex) {
			return ex.toString();
		}
	}

	static String json(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet().stream().map((e) -> json(e.getKey()) + ":" + json(e.getValue()))
				.collect(Collectors.joining(",", "{", "}"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(Bench::json).collect(Collectors.joining(",", "[", "]"));
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		StringBuilder b = new StringBuilder("\"");
		for (char c : value.toString().toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}

	// ---- measuring

	/** Warm-up, then a time-bounded run of {@code concurrency} workers, each request after the previous answer. */
	void measure(String shape, String mode, int concurrency, IntFunction<String> call, int warmup, int seconds)
			throws Exception {
		run(call, concurrency, warmup, new AtomicLong(), new AtomicReference<>());
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		long start = System.nanoTime();
		List<long[]> latencies = run(call, concurrency, seconds, errors, firstError);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("requests", all.length);
		m.put("errors", errors.get());
		m.put("throughput", all.length / elapsed);
		m.put("p50", pct(all, 50));
		m.put("p95", pct(all, 95));
		m.put("p99", pct(all, 99));
		m.put("max", (all.length == 0) ? 0 : all[all.length - 1] / 1e6);
		m.put("load", loadAverage());
		if (firstError.get() != null) {
			m.put("firstError", firstError.get());
		}
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("shape", shape);
		key.put("mode", mode);
		key.put("concurrency", concurrency);
		record("latency", key, m);
	}

	static List<long[]> run(IntFunction<String> call, int concurrency, int seconds, AtomicLong errors,
			AtomicReference<String> firstError) throws InterruptedException {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		long perWorker = MAX_REQUESTS / concurrency;
		long[][] results = new long[concurrency][];
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			int worker = w;
			threads.add(Thread.ofPlatform().start(() -> {
				long[] lat = new long[1024];
				int count = 0;
				int i = worker * 37;
				while (System.nanoTime() < deadline && count < perWorker) {
					long t = System.nanoTime();
					String error = call.apply(i++);
					long d = System.nanoTime() - t;
					if (error != null) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, error);
						continue;
					}
					if (count == lat.length) {
						lat = Arrays.copyOf(lat, lat.length * 2);
					}
					lat[count++] = d;
				}
				results[worker] = Arrays.copyOf(lat, count);
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return Arrays.asList(results);
	}

	static double pct(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	void record(String kind, Map<String, Object> key, Map<String, Object> values) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("kind", kind);
		line.put("size", this.size);
		line.putAll(key);
		line.putAll(values);
		try {
			this.out.write(json(line) + "\n");
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log("%s", json(line));
	}

	static void log(String format, Object... args) {
		System.out.printf("[%s] %s%n", LocalDate.now(), String.format(format, args));
	}

}
