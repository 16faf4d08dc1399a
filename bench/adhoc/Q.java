import java.nio.file.*;
import java.util.*;
import org.neo4j.driver.*;

/**
 * Runs Cypher files against a Bolt endpoint (no auth, grants tlp:CLEAR unless given): times them, PROFILEs them, or
 * compares two files' answers row by row (nodes and relationships compared by id).
 * <pre>
 * java -cp "$(cat bench/work/classpath.txt)" bench/adhoc/Q.java BOLT time|profile|show FILE [k=v ...]
 * java -cp "$(cat bench/work/classpath.txt)" bench/adhoc/Q.java BOLT compare FILE_A FILE_B [k=v ...]
 * </pre>
 * Values: {@code null}, integers, {@code [a,b]} lists of strings, else strings. {@code key=@file} runs once per line
 * of the file ({@code from,to=@pairs.txt} splits each line on a space); {@code reps=N} repeats the whole set.
 * Prints p50 / p95 / max over the runs (and the number of differing answers for compare).
 */
public class Q {
	static Object val(String v) {
		if (v.equals("null")) return null;
		if (v.matches("-?\\d+")) return Long.parseLong(v);
		if (v.startsWith("[")) { String in = v.substring(1, v.length() - 1); return in.isEmpty() ? List.of() : Arrays.asList(in.split(",")); }
		return v;
	}
	// usage: Q bolt mode(time|profile|compare) file1 [file2] -- k=v ... ; ids from idsfile via id param "@ids:path"
	public static void main(String[] a) throws Exception {
		try (Driver d = GraphDatabase.driver(a[0], AuthTokens.none(), Config.builder().withoutEncryption().withLogging(Logging.none()).build())) {
			String mode = a[1];
			String t1 = Files.readString(Path.of(a[2]));
			String t2 = mode.equals("compare") ? Files.readString(Path.of(a[3])) : null;
			int i = mode.equals("compare") ? 4 : 3;
			Map<String, Object> p = new HashMap<>();
			List<String> ids = List.of();
			String idKey = null;
			int reps = 1;
			for (; i < a.length; i++) {
				String[] kv = a[i].split("=", 2);
				if (kv[0].equals("reps")) { reps = Integer.parseInt(kv[1]); continue; }
				if (kv[1].startsWith("@")) { idKey = kv[0]; ids = Files.readAllLines(Path.of(kv[1].substring(1))); continue; }
				p.put(kv[0], val(kv[1]));
			}
			p.putIfAbsent("grants", List.of("tlp:CLEAR"));
			if (idKey == null) { ids = List.of("_"); }
			List<Long> times1 = new ArrayList<>(), times2 = new ArrayList<>();
			int diffs = 0;
			for (int r = 0; r < reps; r++) for (String id : ids) {
				if (idKey != null) { String[] ks = idKey.split(","), vs = id.split(" "); for (int q = 0; q < ks.length; q++) p.put(ks[q], vs[q]); }
				try (var s = d.session(SessionConfig.forDatabase("neo4j"))) {
					long t = System.nanoTime();
					var res = s.run((mode.equals("profile") ? "PROFILE " : "") + t1, p);
					var rows = res.list(org.neo4j.driver.Record::asMap);
					var sum = res.consume();
					times1.add((System.nanoTime() - t) / 1000);
					if (mode.equals("profile")) { System.out.println(id + " rows=" + rows.size()); System.out.println(sum.profile()); print(sum.profile(), ""); }
					if (mode.equals("compare")) {
						t = System.nanoTime();
						var res2 = s.run(t2, p);
						var rows2 = res2.list(org.neo4j.driver.Record::asMap);
						times2.add((System.nanoTime() - t) / 1000);
						if (!norm(rows).equals(norm(rows2))) { diffs++; if (diffs < 4) System.out.println("DIFF " + id + "\n A=" + brief(rows) + "\n B=" + brief(rows2)); }
					}
					if (mode.equals("show")) rows.forEach(System.out::println);
				}
			}
			System.out.println("file1 " + stats(times1) + (t2 != null ? "\nfile2 " + stats(times2) + "\ndiffs=" + diffs + " of " + times1.size() : ""));
		}
	}
	static String brief(Object o) { String s = String.valueOf(norm((List<Map<String,Object>>) o)); return s.length() > 600 ? s.substring(0, 600) : s; }
	static Object norm(Object o) {
		if (o instanceof org.neo4j.driver.types.Entity e) return e.get("id").asObject();
		if (o instanceof Map<?, ?> m) { Map<Object,Object> r = new TreeMap<>(); m.forEach((k, v) -> r.put(k, norm(v))); return r; }
		if (o instanceof List<?> l) { List<Object> r = new ArrayList<>(); l.forEach((v) -> r.add(norm(v))); return r; }
		return o;
	}
	static void print(org.neo4j.driver.summary.ProfiledPlan pl, String ind) {
		System.out.printf("%s%s rows=%d dbHits=%d time=%dus %s%n", ind, pl.operatorType(), pl.records(), pl.dbHits(), pl.time()/1000, pl.arguments().getOrDefault("Details", Values.NULL).toString().replace("\n"," "));
		for (var c : pl.children()) print(c, ind + "  ");
	}
	static String stats(List<Long> t) {
		List<Long> s = new ArrayList<>(t); Collections.sort(s);
		if (s.isEmpty()) return "";
		return String.format("n=%d p50=%.1fms p95=%.1fms max=%.1fms total=%.0fms", s.size(), s.get(s.size()/2)/1000.0, s.get((int)(s.size()*0.95))/1000.0, s.get(s.size()-1)/1000.0, s.stream().mapToLong(x->x).sum()/1000.0);
	}
}
