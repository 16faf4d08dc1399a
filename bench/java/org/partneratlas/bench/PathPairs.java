package org.partneratlas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The paths shape of {@link Bench} pair by pair (issue 13, section 2): the same 256 pairs (same seed, same draws as
 * Bench.shapes), each asked once, one at a time, after a warm-up pass, with its wall time and the service's CPU time
 * (user+sys of the service process from /proc) and the answer's cut flag. Prints one line a pair, then p50/p95/max.
 * Usage: java -cp ... org.partneratlas.bench.PathPairs SIZE GRAPHQL_URL SERVICE_PID [k] [maxHops] [passes] [warm-up passes] [pairs]
 */
public final class PathPairs {

	public static void main(String[] args) throws Exception {
		String size = args[0];
		String url = args[1];
		long pid = Long.parseLong(args[2]);
		int k = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		int hops = (args.length > 4) ? Integer.parseInt(args[4]) : 4;
		int passes = (args.length > 5) ? Integer.parseInt(args[5]) : 1;
		int warm = (args.length > 6) ? Integer.parseInt(args[6]) : 1; // warm-up passes, not recorded
		int count = (args.length > 7) ? Integer.parseInt(args[7]) : 256; // the first pairs only
		Generator g = Generator.generate(size, 42);
		SplittableRandom r = new SplittableRandom(7);
		int n = 256;
		List<String[]> pairs = new ArrayList<>();
		List<String> all = g.graph().nodes().stream().map((row) -> (String) row.get("id")).toList();
		for (int i = 0; i < n; i++) {
			all.get(r.nextInt(all.size()));
			Bench.actor(g, r, true);
			pairs.add(new String[] { Bench.actor(g, r, false), Bench.actor(g, r, false) });
			g.names.get(r.nextInt(g.names.size()));
			java.util.Collections.shuffle(new ArrayList<>(List.of(Generator.INSTRUMENT_KINDS)), new java.util.Random(r.nextLong()));
		}
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String q = "query($a: ID!, $b: ID!) { paths(from: $a, to: $b, k: " + k + ", maxHops: " + hops
				+ ") { found cut message paths { length nodes { id name } edges { id type from to role } } } }";
		List<Double> wall = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		for (int pass = 1 - warm; pass <= passes; pass++) {
			for (int i = 0; i < count; i++) {
				String[] p = pairs.get(i);
				String body = "{\"query\":" + json(q) + ",\"variables\":{\"a\":" + json(p[0]) + ",\"b\":" + json(p[1]) + "}}";
				long c0 = cpu(pid);
				long t0 = System.nanoTime();
				HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				double ms = (System.nanoTime() - t0) / 1e6;
				double cms = (cpu(pid) - c0) * 10.0; // clock ticks of 10 ms
				if (pass <= 0) {
					continue; // warm-up pass
				}
				wall.add(ms);
				cpu.add(cms);
				String b = res.body();
				boolean cut = b.contains("\"cut\":true");
				int paths = b.split("\"length\"").length - 1;
				System.out.printf("%3d %s %s status=%d wall=%.0fms cpu=%.0fms cut=%s paths=%d%s%n", i, p[0], p[1],
						res.statusCode(), ms, cms, cut, paths, (res.statusCode() != 200 || b.contains("\"errors\""))
								? " " + b.substring(0, Math.min(200, b.length())) : "");
			}
		}
		System.out.printf("wall ms: p50 %.0f p95 %.0f max %.0f; service cpu ms: p50 %.0f p95 %.0f max %.0f mean %.1f%n",
				q(wall, 0.5), q(wall, 0.95), q(wall, 1), q(cpu, 0.5), q(cpu, 0.95), q(cpu, 1),
				cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0));
	}

	static double q(List<Double> xs, double f) {
		double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return s[Math.min(s.length - 1, (int) Math.ceil(f * s.length) - 1)];
	}

	static long cpu(long pid) throws Exception {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(f[11]) + Long.parseLong(f[12]);
	}

	static String json(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
