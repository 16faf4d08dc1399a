import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fair sharing under load, on loopback only and bounded in time: two callers (two API tokens) flood the service with
 * the most expensive request the limits allow (five distinct analytics and path questions, cost about 8 500 of
 * 20 000), with {@code clients} concurrent connections between them, while a third caller (anonymous) sends a
 * {@code { __typename }} probe ten times a second. Prints p50/p95/p99 and the share of each status for the probe and
 * the floods, as a Markdown table row set.
 * <p>
 * Run against a service started with the {@code local} profile (its tokens):
 * {@code java bench/load/FairShareLoad.java <port> <clients> <seconds>}; {@code bench/load/run.sh} does it all.
 * A plain Java driver rather than Gatling: the same measurement (latency percentiles and error rates per scenario)
 * without a Scala/Gatling toolchain download on a shared 2-core machine; its bound (clients, seconds) is explicit.
 */
public class FairShareLoad {

	static final String EXPENSIVE = """
			{ b: centrality(measure: BETWEENNESS, top: 5) { rank node { id } }
			  p: centrality(measure: PAGERANK, top: 5) { rank node { id } }
			  k: brokers(between: {euStatus: ["member"]}, and: {labels: [COUNTRY]}, top: 5) { rank node { id } }
			  c: communities(minSize: 3) { modularity communities { id size } }
			  s: paths(from: "country:JP", to: "country:BR", k: 10, maxHops: 6) { found paths { nodes { id } } } }""";

	static final String PROBE = "{ __typename }";

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int clients = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		if (clients < 2 || clients > 256 || seconds < 1 || seconds > 120) {
			throw new IllegalArgumentException("2 to 256 clients, 1 to 120 seconds");
		}
		URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
		HttpClient http = HttpClient.newBuilder()
			.executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Instant end = Instant.now().plusSeconds(seconds);
		Stats probe = new Stats();
		Map<String, Stats> floods = new ConcurrentHashMap<>();
		List<String> tokens = List.of("local-analyst-secret", "local-editor-secret");
		CountDownLatch done = new CountDownLatch(clients + 1);
		for (int i = 0; i < clients; i++) {
			String token = tokens.get(i % 2);
			Stats stats = floods.computeIfAbsent(token, (t) -> new Stats());
			Thread.ofVirtual().start(() -> {
				try {
					while (Instant.now().isBefore(end)) {
						Result r = send(http, endpoint, EXPENSIVE, token);
						stats.add(r);
						if (r.status() == 429 || r.status() == 503) {
							// a polite client waits as told (Retry-After), a flood does not wait long: 50 ms
							Thread.sleep(50);
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			});
		}
		Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(1000); // let the floods fill the service first
				while (Instant.now().isBefore(end)) {
					long started = System.nanoTime();
					probe.add(send(http, endpoint, PROBE, null));
					long left = 100 - (System.nanoTime() - started) / 1_000_000;
					if (left > 0) {
						Thread.sleep(left);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				done.countDown();
			}
		});
		done.await();
		System.out.println("| clients | who | requests | p50 ms | p95 ms | p99 ms | max ms | statuses |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		System.out.println(probe.row(clients, "probe `{ __typename }` (anonymous, 10/s)"));
		int n = 1;
		for (Stats stats : floods.values()) {
			System.out.println(stats.row(clients, "flood caller " + n++ + " (" + clients / 2 + " connections)"));
		}
	}

	static Result send(HttpClient http, URI endpoint, String query, String token) {
		String body = "{\"query\":" + quote(query) + "}";
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status == 200 && response.body().contains("\"errors\"")) {
				status = 299; // answered, with errors
			}
			return new Result(status, System.nanoTime() - started);
		}
		catch (Exception ex) {
			return new Result(-1, System.nanoTime() - started);
		}
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
	}

	record Result(int status, long nanos) {
	}

	static final class Stats {

		final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

		final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

		void add(Result r) {
			this.nanos.add(r.nanos());
			this.statuses.computeIfAbsent(r.status(), (s) -> new AtomicLong()).incrementAndGet();
		}

		String row(int clients, String who) {
			List<Long> sorted;
			synchronized (this.nanos) {
				sorted = new ArrayList<>(this.nanos);
			}
			Collections.sort(sorted);
			int n = sorted.size();
			StringBuilder statuses = new StringBuilder();
			new TreeMap<>(this.statuses).forEach((status, count) -> statuses.append(statuses.isEmpty() ? "" : ", ")
				.append(label(status))
				.append(' ')
				.append(String.format("%.1f %%", 100.0 * count.get() / Math.max(1, n))));
			return String.format("| %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %s |", clients, who, n, pct(sorted, 50),
					pct(sorted, 95), pct(sorted, 99), n == 0 ? 0.0 : sorted.get(n - 1) / 1e6, statuses);
		}

		static String label(int status) {
			return switch (status) {
				case -1 -> "no answer";
				case 299 -> "200 with errors";
				default -> String.valueOf(status);
			};
		}

		static double pct(List<Long> sorted, int p) {
			if (sorted.isEmpty()) {
				return 0;
			}
			int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
		}

	}

}
