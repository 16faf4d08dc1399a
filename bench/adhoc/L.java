import java.net.URI;
import java.net.http.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * A closed-loop HTTP load: one JSON body POSTed by {@code concurrency} clients for {@code seconds}, after
 * {@code warmup} requests; prints requests, throughput, p50 / p95 / p99 and errors (non-200 or an "errors" key).
 * <pre>
 * java bench/adhoc/L.java http://127.0.0.1:8080/graphql '{"query":"{ __typename }"}' 1 8 300
 * </pre>
 */
public class L {
	public static void main(String[] a) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String url = a[0], body = a[1];
		int c = Integer.parseInt(a[2]); double seconds = Double.parseDouble(a[3]);
		int warm = a.length > 4 ? Integer.parseInt(a[4]) : 200;
		HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
		for (int i = 0; i < warm; i++) { var r = client.send(req, HttpResponse.BodyHandlers.ofString()); if (i == 0) System.out.println(r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()))); }
		List<Long> lat = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		long end = System.nanoTime() + (long) (seconds * 1e9);
		long t0 = System.nanoTime();
		ExecutorService ex = Executors.newFixedThreadPool(c);
		for (int k = 0; k < c; k++) ex.submit(() -> { while (System.nanoTime() < end) { long t = System.nanoTime(); try { var r = client.send(req, HttpResponse.BodyHandlers.ofString()); if (r.statusCode() != 200 || r.body().contains("\"errors\"")) errors.incrementAndGet(); } catch (Exception e) { errors.incrementAndGet(); } lat.add(System.nanoTime() - t); } return null; });
		ex.shutdown(); ex.awaitTermination(1, TimeUnit.HOURS);
		double el = (System.nanoTime() - t0) / 1e9;
		List<Long> s = new ArrayList<>(lat); Collections.sort(s);
		System.out.printf("n=%d req/s=%.1f p50=%.2fms p95=%.2fms p99=%.2fms errors=%d%n", s.size(), s.size() / el, s.get(s.size() / 2) / 1e6, s.get((int) (s.size() * 0.95)) / 1e6, s.get((int) (s.size() * 0.99)) / 1e6, errors.get());
	}
}
