package org.partneratlas.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One arm of the analytics A/B (bench/gds-ab.sh): each analytics question asked cold (not from the cache) against a
 * started service, with the user+sys CPU the service process spent on it (from {@code /proc/<pid>/stat}), its wall
 * time, and the answer (so the arms' answers can be compared). Repetition 0 asks without {@code asOf} (the first
 * question of its kind in the process: Cypher plans are cold too); repetitions 1..n ask with {@code asOf} on
 * successive days of 2099, each a distinct question for the cache (its key holds asOf), so each is computed again.
 * <p>
 * Usage: {@code AnalyticsAb <graphqlUrl> <servicePid> <out.jsonl> <arm> <round> <reps>}
 */
public final class AnalyticsAb {

	private AnalyticsAb() {
	}

	public static void main(String[] args) throws Exception {
		URI graphql = URI.create(args[0]);
		String pid = args[1];
		Path out = Path.of(args[2]);
		String arm = args[3];
		int round = Integer.parseInt(args[4]);
		int reps = Integer.parseInt(args[5]);
		String score = "{ rank score node { id } }";
		Map<String, String> questions = new LinkedHashMap<>();
		questions.put("DEGREE", "centrality(measure: DEGREE, top: 100%s) " + score);
		questions.put("PAGERANK", "centrality(measure: PAGERANK, top: 100%s) " + score);
		questions.put("BETWEENNESS exact", "centrality(measure: BETWEENNESS, top: 10%s) " + score);
		questions.put("BETWEENNESS samples=200", "centrality(measure: BETWEENNESS, top: 10, samples: 200%s) " + score);
		questions.put("communities", "communities(minSize: 2%s) { modularity communities { size } }");
		questions.put("brokers UNION/COUNTRY",
				"brokers(between: {labels: [UNION]}, and: {labels: [COUNTRY]}, top: 10%s) " + score);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND)) {
			for (int rep = 0; rep <= reps; rep++) {
				String asOf = (rep == 0) ? "" : String.format(java.util.Locale.ROOT, ", asOf: \"2099-01-%02d\"", rep);
				for (var q : questions.entrySet()) {
					String query = "{ " + String.format(q.getValue(), asOf) + " }";
					long cpu0 = Bench.cpuTicks(pid);
					long t = System.nanoTime();
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphql)
						.timeout(Duration.ofSeconds(120))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + Bench.json(query) + "}"))
						.build(), HttpResponse.BodyHandlers.ofString());
					double wallMs = (System.nanoTime() - t) / 1e6;
					long cpu1 = Bench.cpuTicks(pid);
					String body = response.body();
					boolean error = response.statusCode() != 200 || body.contains("\"errors\"");
					String line = "{\"arm\":" + Bench.json(arm) + ",\"round\":" + round + ",\"rep\":" + rep
							+ ",\"question\":" + Bench.json(q.getKey()) + ",\"cpuMs\":" + (cpu1 - cpu0) * 10
							+ ",\"wallMs\":" + String.format(java.util.Locale.ROOT, "%.1f", wallMs) + ",\"load\":" + Bench.json(load())
							+ ",\"error\":" + error + ",\"answer\":" + Bench.json(body) + "}\n";
					w.write(line);
					w.flush();
					System.out.printf("%s round %d rep %d %-24s cpu %6d ms wall %8.0f ms %s%n", arm, round, rep,
							q.getKey(), (cpu1 - cpu0) * 10, wallMs, error ? "ERROR " + body.substring(0,
									Math.min(300, body.length())) : "ok");
				}
			}
		}
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
