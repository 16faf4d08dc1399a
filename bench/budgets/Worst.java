import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The worst argument choices of every query field at L (issue 13, section 2: no request may hold a core for more
 * than 2 s), against a running service on the generated L graph (bench/bounded.sh keeps one): each shape once
 * unmeasured (plans), then {@code reps} times measured one at a time; per shape the wall time (p50, max) and the
 * service process's CPU time per request (utime + stime from /proc/PID/stat: load-robust, as other processes' work
 * does not count), and what the answer said (an error's text, or a cut flag).
 * <pre>
 * java bench/budgets/Worst.java URL PID [reps=2] [only=substring] [token=secret] [timeoutMs=15000]
 * </pre>
 * The ids are the generator's (bench/java/.../Generator.java, seed 42): the hub countries are the first ISO codes,
 * the leaf organisation the last one at L.
 */
public class Worst {

	static final String[] KINDS = { "trade-and-technology-council", "digital-partnership", "digital-dialogue",
			"cyber-dialogue", "comprehensive-strategic-partnership", "security-defence-partnership",
			"free-trade-agreement", "dcfta", "stabilisation-association-agreement", "digital-trade-agreement",
			"data-flow-rules", "programme-association", "strategic-partnership", "alliance", "administrative-arrangement",
			"cooperation-line", "facility", "pact", "dialogue", "norm", "toolbox" };

	public static void main(String[] a) throws Exception {
		String url = a[0];
		long pid = Long.parseLong(a[1]);
		Map<String, String> o = new LinkedHashMap<>();
		for (int i = 2; i < a.length; i++) {
			String[] kv = a[i].split("=", 2);
			o.put(kv[0], kv[1]);
		}
		int reps = Integer.parseInt(o.getOrDefault("reps", "2"));
		String only = o.get("only");
		String token = o.get("token");
		String timeout = o.getOrDefault("timeoutMs", "15000");
		String[] iso = Locale.getISOCountries();
		String hub = "country:" + iso[0], hub2 = "country:" + iso[1], leaf = "country:XK";
		String org = "org:o86999", org2 = "org:o43500";
		String kinds = Arrays.stream(KINDS).map((k) -> "\"" + k + "\"").collect(Collectors.joining(","));
		String k1 = KINDS[0], k2 = KINDS[1];
		String asOf = "asOf: \"2015-06-01\"";
		Map<String, String> s = new LinkedHashMap<>();
		s.put("node EU with sources", "{ node(id: \"union:eu\") { id name sources { locator } } }");
		s.put("nodes 100 ids (countries)", "{ nodes(ids: [" + Arrays.stream(iso).limit(100).map((c) -> "\"country:" + c + "\"").collect(Collectors.joining(",")) + "]) { id name } }");
		s.put("search 'a' first 50", "{ search(text: \"a\", first: 50) { score node { id } } }");
		s.put("search 'e' ORGANISATION first 50", "{ search(text: \"e\", labels: [ORGANISATION], first: 50) { score node { id } } }");
		s.put("search 'digital cyber' first 50", "{ search(text: \"digital cyber\", first: 50) { score node { id } } }");
		s.put("actors first 100 + totalCount", "{ actors(first: 100) { totalCount nodes { id } } }");
		s.put("actors last 100 sectors civilian + totalCount", "{ actors(filter: {sectors: [\"civilian\"]}, last: 100) { totalCount nodes { id } } }");
		s.put("actors memberOf region + totalCount", "{ actors(filter: {memberOf: \"region:r0\"}, first: 100) { totalCount nodes { id } } }");
		s.put("actors filter kinds first 100", "{ actors(filter: {kinds: [\"association\"]}, first: 100) { nodes { id } } }");
		s.put("instruments party hub first 100 + totalCount", "{ instruments(filter: {party: \"" + hub + "\"}, first: 100) { totalCount nodes { id } } }");
		s.put("instruments party EU last 100 + totalCount", "{ instruments(filter: {party: \"union:eu\"}, last: 100) { totalCount nodes { id } } }");
		s.put("instruments party leaf org first 100 + totalCount", "{ instruments(filter: {party: \"" + org + "\"}, first: 100) { totalCount nodes { id } } }");
		s.put("actors memberOf EU last 100 + totalCount", "{ actors(filter: {memberOf: \"union:eu\"}, last: 100) { totalCount nodes { id } } }");
		s.put("instruments statuses+kinds first 100 + totalCount", "{ instruments(filter: {kinds: [" + kinds + "], statuses: [\"in-force\"]}, first: 100) { totalCount nodes { id } } }");
		s.put("profile hub country", "{ profile(id: \"" + hub + "\") { summary { count } ties { other { id } counterparts { node { id } } } } }");
		s.put("profile EU", "{ profile(id: \"union:eu\") { summary { count } ties { other { id } counterparts { node { id } } } } }");
		s.put("profile topic", "{ profile(id: \"topic:t0\") { summary { count } ties { other { id } counterparts { node { id } } } } }");
		s.put("profile EU, limit 1000", "{ profile(id: \"union:eu\", limit: 1000) { summary { count } omittedTies cut ties { other { id } counterparts { node { id } } } } }");
		s.put("profile topic, limit 1000", "{ profile(id: \"topic:t0\", limit: 1000) { summary { count } omittedTies cut ties { other { id } counterparts { node { id } } } } }");
		s.put("connections EU x hub, limit 1000", "{ connections(a: \"union:eu\", b: \"" + hub + "\", limit: 1000) { direct { id } through { via { id } } omittedThrough } }");
		s.put("connections EU x hub", "{ connections(a: \"union:eu\", b: \"" + hub + "\") { direct { id } through { via { id } } } }");
		s.put("connections hub x hub", "{ connections(a: \"" + hub + "\", b: \"" + hub2 + "\") { direct { id } through { via { id } } } }");
		s.put("connections topic x topic", "{ connections(a: \"topic:t0\", b: \"topic:t1\") { direct { id } through { via { id } } } }");
		s.put("neighbourhood d2 hub, limit 500", "{ neighbourhood(id: \"" + hub + "\", depth: 2, limit: 500) { nodes { id } edges { id } omittedNodes omittedNodesExact } }");
		s.put("neighbourhood d3 leaf org, limit 500, asOf", "{ neighbourhood(id: \"" + org + "\", depth: 3, limit: 500, " + asOf + ") { nodes { id } edges { id } omittedNodes omittedNodesExact } }");
		s.put("paths k=10 maxHops 6 hub to hub", "{ paths(from: \"" + hub + "\", to: \"" + hub2 + "\", k: 10, maxHops: 6) { found cut paths { length } } }");
		s.put("paths k=10 maxHops 6 two leaf orgs", "{ paths(from: \"" + org + "\", to: \"" + org2 + "\", k: 10, maxHops: 6) { found cut paths { length } } }");
		s.put("commonPartners hub x hub, limit 500", "{ commonPartners(a: \"" + hub + "\", b: \"" + hub2 + "\", limit: 500) { partner { id } } }");
		s.put("commonPartners EU x hub, limit 500", "{ commonPartners(a: \"union:eu\", b: \"" + hub + "\", limit: 500) { partner { id } } }");
		s.put("commonPartners EU x hub, limit 500, asOf", "{ commonPartners(a: \"union:eu\", b: \"" + hub + "\", limit: 500, " + asOf + ") { partner { id } } }");
		s.put("coverage all actors x 21 kinds, limit 500", "{ coverage(kinds: [" + kinds + "], limit: 500) { truncated rows { covered cells { instruments { instrument { id } } } } } }");
		s.put("coverage countries x 21 kinds, limit 500", "{ coverage(actors: {labels: [COUNTRY]}, kinds: [" + kinds + "], limit: 500) { truncated rows { covered cells { instruments { instrument { id } } } } } }");
		s.put("coverage countries x 21 kinds, asOf", "{ coverage(actors: {labels: [COUNTRY]}, kinds: [" + kinds + "], limit: 500, " + asOf + ") { truncated rows { covered } } }");
		s.put("coverage all actors memberOf EU x 21 kinds, limit 500", "{ coverage(actors: {memberOf: \"union:eu\"}, kinds: [" + kinds + "], limit: 500) { truncated rows { covered } } }");
		s.put("coverage countries x 1 kind, limit 500", "{ coverage(actors: {labels: [COUNTRY]}, kinds: [\"" + k1 + "\"], limit: 500) { truncated cut rows { covered cells { instruments { instrument { id } } } } } }");
		s.put("coverage all actors x 1 kind, limit 500", "{ coverage(kinds: [\"" + k1 + "\"], limit: 500) { truncated cut rows { covered cells { instruments { instrument { id } } } } } }");
		s.put("coverage all actors x 21 kinds, limit 500, every field", "{ coverage(kinds: [" + kinds + "], limit: 500) { truncated cut message rows { covered actor { id name } cells { kind instruments { instrument { id name } edge { id type from to } } } } } }");
		s.put("coverage memberOf hub org x 21 kinds, limit 500", "{ coverage(actors: {memberOf: \"org:o0\"}, kinds: [" + kinds + "], limit: 500) { truncated cut rows { covered } } }");
		s.put("gaps memberOf EU has 21 kinds lacks 1", "{ gaps(actors: {memberOf: \"union:eu\"}, has: [" + kinds + "], lacks: [\"" + k2 + "\"], limit: 500) { actor { id } has { instrument { id } } } }");
		s.put("gaps memberOf hub org lacks 1 kind", "{ gaps(actors: {memberOf: \"org:o0\"}, lacks: [\"" + k1 + "\"], limit: 500) { actor { id } } }");
		s.put("untied memberOf hub org from memberOf EU", "{ untied(actors: {memberOf: \"org:o0\"}, from: {memberOf: \"union:eu\"}, limit: 500) { id } }");
		s.put("untied all from memberOf region", "{ untied(actors: {}, from: {memberOf: \"region:r0\"}, limit: 500) { id } }");
		s.put("profile hub country, limit 1000", "{ profile(id: \"" + hub + "\", limit: 1000) { summary { count } omittedTies cut ties { other { id } counterparts { node { id } } } } }");
		s.put("timeline hub, first 2000", "{ timeline(id: \"" + hub + "\", first: 2000) { omittedEvents events { date node { id } edge { id } } } }");
		s.put("connections hub x hub, limit 1000", "{ connections(a: \"" + hub + "\", b: \"" + hub2 + "\", limit: 1000) { direct { id } through { via { id } edgeA { id } edgeB { id } } omittedThrough } }");
		s.put("gaps all actors memberOf region lacks 1 kind", "{ gaps(actors: {memberOf: \"region:r0\"}, lacks: [\"" + k1 + "\"], limit: 500) { actor { id } } }");
		s.put("untied memberOf region from one leaf org", "{ untied(actors: {memberOf: \"region:r0\"}, from: {ids: [\"" + org + "\"]}, limit: 500) { id } }");
		s.put("gaps all actors lacks 1 kind, limit 500", "{ gaps(lacks: [\"" + k1 + "\"], limit: 500) { actor { id } } }");
		s.put("gaps all actors has 1 lacks 1, limit 500", "{ gaps(has: [\"" + k1 + "\"], lacks: [\"" + k2 + "\"], limit: 500) { actor { id } has { instrument { id } } } }");
		s.put("gaps all actors lacks 21 kinds, limit 500", "{ gaps(lacks: [" + kinds + "], limit: 500) { actor { id } } }");
		s.put("gaps countries has 21 kinds, limit 500", "{ gaps(actors: {labels: [COUNTRY]}, has: [" + kinds + "], lacks: [\"" + k2 + "\"], limit: 500) { actor { id } has { instrument { id } } } }");
		s.put("gaps all has 1 lacks 1, asOf", "{ gaps(has: [\"" + k1 + "\"], lacks: [\"" + k2 + "\"], limit: 500, " + asOf + ") { actor { id } } }");
		s.put("untied organisations from countries, limit 500", "{ untied(actors: {labels: [ORGANISATION]}, from: {labels: [COUNTRY]}, limit: 500) { id } }");
		s.put("untied civilian from defence, limit 500", "{ untied(actors: {sectors: [\"civilian\"]}, from: {sectors: [\"defence\"]}, limit: 500) { id } }");
		s.put("untied all from one leaf org, limit 500", "{ untied(actors: {}, from: {ids: [\"" + org + "\"]}, limit: 500) { id } }");
		s.put("untied countries from one leaf org, asOf", "{ untied(actors: {labels: [COUNTRY, UNION]}, from: {ids: [\"" + org + "\"]}, limit: 500, " + asOf + ") { id } }");
		s.put("timeline EU", "{ timeline(id: \"union:eu\") { events { date } } }");
		s.put("timeline hub", "{ timeline(id: \"" + hub + "\") { events { date } } }");
		s.put("timeline EU, first 2000", "{ timeline(id: \"union:eu\", first: 2000) { omittedEvents events { date node { id } edge { id } } } }");
		s.put("timeline topic", "{ timeline(id: \"topic:t0\") { events { date } } }");
		s.put("history EU withTies first 200", "{ history(id: \"union:eu\", first: 200) { __typename } }");
		s.put("centrality DEGREE top 100", "{ centrality(measure: DEGREE, top: 100) { __typename } }");
		s.put("centrality BETWEENNESS exact", "{ centrality(measure: BETWEENNESS, top: 10) { __typename } }");
		s.put("centrality BETWEENNESS samples 50", "{ centrality(measure: BETWEENNESS, top: 10, samples: 50) { __typename } }");
		s.put("centrality PAGERANK top 100", "{ centrality(measure: PAGERANK, top: 100) { __typename } }");
		s.put("communities", "{ communities { __typename } }");
		s.put("brokers UNION / COUNTRY", "{ brokers(between: {labels: [UNION]}, and: {labels: [COUNTRY]}) { __typename } }");
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
		System.out.printf("| shape | wall p50 / max ms | service CPU ms per request (p50 / max) | load | answer |%n|---|---|---|---|---|%n");
		for (var e : s.entrySet()) {
			if (only != null && !e.getKey().matches(".*(" + only + ").*")) {
				continue;
			}
			String body = "{\"query\":" + json(e.getValue()) + "}";
			HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json").header("X-Request-Timeout-Ms", timeout)
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (token != null) {
				rb.header("Authorization", "Bearer " + token);
			}
			HttpRequest req = rb.build();
			String first = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
			long[] wall = new long[reps], cpu = new long[reps];
			String answer = summary(first);
			int bytes = 0;
			for (int i = 0; i < reps; i++) {
				long c0 = cpu(pid), t0 = System.nanoTime();
				String b = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
				wall[i] = (System.nanoTime() - t0) / 1_000_000;
				cpu[i] = (cpu(pid) - c0) * 10;
				answer = summary(b);
				bytes = b.length();
			}
			Arrays.sort(wall);
			Arrays.sort(cpu);
			System.out.printf("| %s | %d / %d | %d / %d | %s | %s, %d kB |%n", e.getKey(), wall[reps / 2], wall[reps - 1],
					cpu[reps / 2], cpu[reps - 1], Files.readString(Path.of("/proc/loadavg")).split(" ")[0], answer, bytes / 1024);
		}
	}

	static long cpu(long pid) throws Exception {
		String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
		return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
	}

	static String summary(String body) {
		if (body.contains("\"errors\"")) {
			int m = body.indexOf("\"message\":\"");
			String msg = (m < 0) ? body : body.substring(m + 11, Math.min(body.length(), m + 11 + 140));
			int cls = body.indexOf("\"classification\":\"");
			return "error " + ((cls < 0) ? "" : body.substring(cls + 18, body.indexOf('"', cls + 18)) + ": ") + msg.replace("|", "/");
		}
		List<String> flags = new ArrayList<>();
		for (String f : new String[] { "\"cut\":true", "\"truncated\":true", "\"omittedNodesExact\":false", "\"exact\":false" }) {
			if (body.contains(f)) {
				flags.add(f.replace("\"", ""));
			}
		}
		return "ok" + (flags.isEmpty() ? "" : " " + flags);
	}

	static String json(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
