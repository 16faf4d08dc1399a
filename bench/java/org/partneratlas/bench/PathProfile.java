package org.partneratlas.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.summary.ProfiledPlan;

import org.partneratlas.graph.CypherStatements;

/**
 * Where a slow paths request spends its time (issue 13, section 2): for one pair, the frontier statements level by
 * level (rows, ms) as PathSearch sends them (both sides, the smaller frontier grown), then PROFILE of Neo4j's
 * {@code SHORTEST} (connections/paths.cypher) at each hop limit up to maxHops: db hits, rows and ms, stopped at 20 s.
 * Usage: java -cp ... org.partneratlas.bench.PathProfile BOLT_URL FROM TO [k] [maxHops]
 */
public final class PathProfile {

	public static void main(String[] args) {
		String from = args[1];
		String to = args[2];
		int k = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		int maxHops = (args.length > 4) ? Integer.parseInt(args[4]) : 4;
		CypherStatements statements = new CypherStatements();
		Map<String, Object> base = new HashMap<>();
		base.put("from", from);
		base.put("to", to);
		base.put("k", k);
		for (String key : List.of("kinds", "avoidKinds", "topics", "actorLabels", "asOf")) {
			base.put(key, null);
		}
		base.put("avoid", List.of());
		base.put("grants", List.of("tlp:CLEAR"));
		try (var driver = GraphDatabase.driver(args[0], AuthTokens.none());
				var session = driver.session(SessionConfig.builder().withDatabase("neo4j")
					.withDefaultAccessMode(AccessMode.READ).build())) {
			TransactionConfig tx = TransactionConfig.builder().withTimeout(java.time.Duration.ofSeconds(20)).build();
			List<Set<String>> seen = List.of(new HashSet<>(Set.of(from)), new HashSet<>(Set.of(to)));
			List<List<String>> frontier = new ArrayList<>(List.of(List.of(from), List.of(to)));
			int[] level = { 0, 0 };
			int examined = 0;
			while (level[0] + level[1] < maxHops) {
				int g = (frontier.get(0).size() <= frontier.get(1).size()) ? 0 : 1;
				if (frontier.get(g).isEmpty()) {
					break;
				}
				Map<String, Object> p = new HashMap<>(base);
				p.put("frontier", frontier.get(g));
				p.put("ends", List.of(from, to));
				p.put("budget", 20_000 - examined);
				long t = System.nanoTime();
				var rows = session.run(statements.text("connections/path-frontier"), p, tx).list();
				List<String> next = new ArrayList<>();
				boolean met = false;
				for (var r : rows) {
					String n = r.get("next").asString();
					if (seen.get(g).add(n)) {
						next.add(n);
					}
					met |= seen.get(1 - g).contains(n);
				}
				examined += rows.size();
				level[g]++;
				System.out.printf("frontier side %s level %d: %d nodes in, %d rows, %d new, met=%s, %d ms%n",
						(g == 0) ? "from" : "to", level[g], frontier.get(g).size(), rows.size(), next.size(), met,
						(System.nanoTime() - t) / 1_000_000);
				frontier.set(g, next);
				if (examined > 20_000) {
					System.out.println("budget ran out");
					break;
				}
			}
			for (int hops = 1; hops <= maxHops; hops++) {
				long t = System.nanoTime();
				try {
					var result = session.run("PROFILE " + statements.withHopLimit("connections/paths", hops), base, tx);
					int rows = result.list().size();
					var summary = result.consume();
					System.out.printf("SHORTEST %d within %d: %d paths, %d db hits, %d ms%n", k, hops, rows,
							hits(summary.profile()), (System.nanoTime() - t) / 1_000_000);
				}
				catch (RuntimeException ex) {
					System.out.printf("SHORTEST %d within %d: %s after %d ms%n", k, hops,
							ex.getClass().getSimpleName(), (System.nanoTime() - t) / 1_000_000);
				}
			}
		}
	}

	static long hits(ProfiledPlan plan) {
		long sum = plan.dbHits();
		for (ProfiledPlan child : plan.children()) {
			sum += hits(child);
		}
		return sum;
	}

}
