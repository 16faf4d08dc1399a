package org.partneratlas.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.partneratlas.ingest.CuratedGraph;

/**
 * A deterministic synthetic ecosystem graph shaped like the curated one: the EU, about 250 countries, regions,
 * institutions, agencies, organisations and communities; multi-party instruments and projects; programmes; cables
 * with landings; topics. Party choices are skewed (a few hubs, many leaves); about 60 % of nodes and ties carry a
 * partial date and about 10 % are marked above CLEAR. Rows have exactly the shape the seed validator produces, so
 * they go through the project's own {@code GraphWriter}.
 * <p>
 * Same size and seed, same graph (ids, names, ties), on any machine.
 */
public final class Generator {

	static final String[] INSTRUMENT_KINDS = { "trade-and-technology-council", "digital-partnership", "digital-dialogue",
			"cyber-dialogue", "comprehensive-strategic-partnership", "security-defence-partnership",
			"free-trade-agreement", "dcfta", "stabilisation-association-agreement", "digital-trade-agreement",
			"data-flow-rules", "programme-association", "strategic-partnership", "alliance", "administrative-arrangement",
			"cooperation-line", "facility", "pact", "dialogue", "norm", "toolbox" };

	static final String[] PROJECT_KINDS = { "team-europe-initiative", "platform", "package", "infrastructure", "hub",
			"research-project", "initiative" };

	static final String[] ORG_KINDS = { "association", "company", "university", "csirt", "isac", "standards-body",
			"multilateral", "partnership", "network", "government" };

	static final String[] STATUSES = { "announced", "planned", "negotiating", "concluded", "signed", "in-force",
			"ongoing", "expected", "ended" };

	static final String[] SYLLABLES = { "ar", "bel", "cor", "dan", "el", "fir", "gan", "hel", "is", "jor", "kal", "lum",
			"mar", "nor", "ost", "pel", "quin", "ros", "sal", "tor", "ul", "ver", "wes", "xan", "yor", "zel" };

	static final String[] WORDS = { "Digital", "Cyber", "Quantum", "Space", "Data", "Secure", "Connect", "Green",
			"Innovation", "Research", "Network", "Alliance", "Gateway", "Trust", "Resilience", "Semiconductor", "Cloud",
			"Identity", "Skills", "Infrastructure" };

	/** Graph sizes: target relationship counts. */
	public static int targetTies(String size) {
		return switch (size) {
			case "S" -> 10_000;
			case "M" -> 100_000;
			case "L" -> 1_000_000;
			default -> throw new IllegalArgumentException("size must be S, M or L, not " + size);
		};
	}

	private final SplittableRandom random;

	private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();

	private final List<Map<String, Object>> ties = new ArrayList<>();

	private final Set<String> tieIds = new HashSet<>();

	final List<String> countries = new ArrayList<>();

	final List<String> actors = new ArrayList<>();

	final List<String> organisations = new ArrayList<>();

	final List<String> instruments = new ArrayList<>();

	final List<String> projects = new ArrayList<>();

	final List<String> names = new ArrayList<>();

	private Generator(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** Generates the graph of a size (S, M, L) from a seed. */
	public static Generator generate(String size, long seed) {
		Generator g = new Generator(seed);
		g.build((int) (targetTies(size) * 0.87));
		return g;
	}

	public CuratedGraph graph() {
		return new CuratedGraph(new ArrayList<>(this.nodes.values()), this.ties);
	}

	public int nodeCount() {
		return this.nodes.size();
	}

	public int tieCount() {
		return this.ties.size();
	}

	private void build(int r) {
		node("source:bench", "Source", "Synthetic benchmark source", null, false);
		// Actors.
		node("union:eu", "Union", "European Union", null, true);
		this.actors.add("union:eu");
		List<String> iso = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
		iso.add("XK");
		for (String code : iso) {
			String id = "country:" + code;
			Map<String, Object> props = node(id, "Country",
					Locale.of("", code).getDisplayCountry(Locale.ENGLISH) + " " + code, null, true);
			props.put("euStatus", (this.countries.size() < 27) ? "member" : "other");
			this.countries.add(id);
			this.actors.add(id);
		}
		List<String> regions = new ArrayList<>();
		for (int i = 0; i < 30 + r / 20_000; i++) {
			regions.add(actor("region:r" + i, "Region", name(2) + " Region", "grouping"));
		}
		List<String> institutions = new ArrayList<>();
		for (int i = 0; i < 20 + r / 20_000; i++) {
			institutions.add(actor("institution:i" + i, "Institution", "Directorate " + name(2), "service"));
		}
		List<String> agencies = new ArrayList<>();
		for (int i = 0; i < 30 + r / 20_000; i++) {
			agencies.add(actor("agency:a" + i, "Agency", name(2) + " Agency", "agency"));
		}
		for (int i = 0; i < r / 10; i++) {
			this.organisations.add(actor("org:o" + i, "Organisation", name(2) + " " + word() + " " + word(),
					pick(ORG_KINDS)));
		}
		List<String> communities = new ArrayList<>();
		for (int i = 0; i < Math.max(5, r / 500); i++) {
			communities.add(actor("community:c" + i, "Community", name(2) + " Community", "community"));
		}
		// Ties, of other things.
		List<String> topics = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			node("topic:t" + i, "Topic", word() + " " + name(1), null, false);
			topics.add("topic:t" + i);
		}
		List<String> programmes = new ArrayList<>();
		for (int i = 0; i < 20 + r / 5_000; i++) {
			String id = "programme:p" + i;
			Map<String, Object> p = node(id, "Programme", word() + " " + name(2) + " Programme", "funding-programme",
					false);
			p.put("status", pick(STATUSES));
			programmes.add(id);
		}
		for (int i = 0; i < r / 20; i++) {
			String id = "instrument:n" + i;
			Map<String, Object> p = node(id, "Instrument", "EU-" + name(2) + " " + word() + " " + word(),
					pick(INSTRUMENT_KINDS), false);
			p.put("status", pick(STATUSES));
			this.instruments.add(id);
			int parties = parties();
			for (int k = 0; k < parties; k++) {
				tie(skewedActor(), "PARTY_TO", id, pick("party", "partner", "co-chair", "signatory"));
			}
			concernsAndUnder(id, topics, programmes);
		}
		for (int i = 0; i < r / 20; i++) {
			String id = "project:j" + i;
			Map<String, Object> p = node(id, "Project", name(2) + " " + word() + " Project", pick(PROJECT_KINDS), false);
			p.put("status", pick(STATUSES));
			this.projects.add(id);
			int parties = parties() + 1;
			for (int k = 0; k < parties; k++) {
				tie(skewedActor(), "PARTICIPATES_IN", id, pick("lead", "partner", "coordinator", "beneficiary"));
			}
			int funders = 1 + this.random.nextInt(2);
			for (int k = 0; k < funders; k++) {
				tie(this.random.nextInt(3) == 0 ? "union:eu" : pick(agencies), "FUNDS", id, "funder");
			}
			concernsAndUnder(id, topics, programmes);
		}
		for (int i = 0; i < Math.max(5, r / 400); i++) {
			String id = "cable:k" + i;
			Map<String, Object> p = node(id, "Cable", name(2) + " Cable", "submarine-cable", false);
			p.put("status", pick(STATUSES));
			p.put("lengthKm", 500.0 + this.random.nextInt(20_000));
			int landings = 2 + this.random.nextInt(7);
			for (int k = 0; k < landings; k++) {
				tie(id, "LANDS_IN", skewed(this.countries, 2), "landing");
			}
			if (this.random.nextInt(2) == 0) {
				tie(pick(agencies), "FUNDS", id, "financier");
			}
		}
		// Memberships and structure.
		for (int i = 0; i < 27; i++) {
			tie(this.countries.get(i), "MEMBER_OF", "union:eu", "member");
		}
		for (String country : this.countries) {
			int n = 1 + this.random.nextInt(3);
			for (int k = 0; k < n; k++) {
				tie(country, "MEMBER_OF", pick(regions), "member");
			}
		}
		for (String id : institutions) {
			tie(id, "PART_OF", "union:eu", null);
		}
		for (String id : agencies) {
			tie(id, "PART_OF", "union:eu", null);
		}
		for (String id : communities) {
			tie(id, "PART_OF", skewed(this.organisations, 3), null);
		}
		for (String org : this.organisations) {
			int n = this.random.nextInt(4);
			for (int k = 0; k < n; k++) {
				String group = (k == 0 && this.random.nextInt(3) == 0) ? pick(regions)
						: skewed(this.organisations, 3);
				if (!group.equals(org)) {
					tie(org, "MEMBER_OF", group, "member");
				}
			}
			int c = this.random.nextInt(3);
			for (int k = 0; k < c; k++) {
				String other = skewedActor();
				if (!other.equals(org)) {
					tie(org, "COOPERATES_WITH", other, "cooperation");
				}
			}
		}
	}

	private void concernsAndUnder(String id, List<String> topics, List<String> programmes) {
		int n = 1 + this.random.nextInt(2);
		for (int k = 0; k < n; k++) {
			tie(id, "CONCERNS", pick(topics), null);
		}
		if (this.random.nextInt(2) == 0) {
			tie(id, "UNDER", skewed(programmes, 2), null);
		}
	}

	/** How many parties: mostly 2 to 4, sometimes dozens. */
	private int parties() {
		double u = this.random.nextDouble();
		return 2 + (int) (1.5 / Math.pow(1 - u * 0.999, 0.8)) - 1;
	}

	/** An actor, skewed: countries (and the EU) half the time, hubs first. */
	private String skewedActor() {
		if (this.random.nextInt(2) == 0) {
			return (this.random.nextInt(10) == 0) ? "union:eu" : skewed(this.countries, 2);
		}
		return skewed(this.organisations, 3);
	}

	/** An element of a list, low indices (the hubs) much more likely: index = n * u^power. */
	private String skewed(List<String> list, int power) {
		return list.get((int) (list.size() * Math.pow(this.random.nextDouble(), power)));
	}

	private String pick(List<String> list) {
		return list.get(this.random.nextInt(list.size()));
	}

	private String pick(String... values) {
		return values[this.random.nextInt(values.length)];
	}

	private String word() {
		return pick(WORDS);
	}

	private String name(int syllables) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < syllables + this.random.nextInt(2); i++) {
			b.append(pick(SYLLABLES));
		}
		return Character.toUpperCase(b.charAt(0)) + b.substring(1);
	}

	private String actor(String id, String label, String name, String kind) {
		Map<String, Object> props = node(id, label, name, kind, true);
		props.put("sector", pick("civilian", "civilian", "civilian", "defence", "dual-use"));
		this.actors.add(id);
		return id;
	}

	private Map<String, Object> node(String id, String label, String name, String kind, boolean actor) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("name", name);
		if (kind != null) {
			props.put("kind", kind);
		}
		if (this.random.nextInt(5) == 0) {
			String acronym = name.replaceAll("[^A-Z]", "");
			if (acronym.length() >= 2) {
				props.put("acronym", acronym);
			}
		}
		props.put("description", "Synthetic " + label.toLowerCase(Locale.ROOT) + " for benchmarks.");
		dates(props);
		mark(props, id.startsWith("country:") || id.equals("union:eu") || id.startsWith("source:") ? 0 : tlp());
		props.put("sourceIds", List.of("source:bench"));
		props.put("sourceLocators", List.of("synthetic"));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("labels", actor ? List.of("Entity", "Actor", label) : List.of("Entity", label));
		row.put("props", props);
		this.nodes.put(id, row);
		this.names.add(name);
		return props;
	}

	private void tie(String from, String type, String to, String role) {
		String id = from + "-" + type + "->" + to + ((role != null) ? "#" + role : "");
		if (from.equals(to) || !this.tieIds.add(id)) {
			return;
		}
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("id", id);
		if (role != null) {
			props.put("role", role);
		}
		dates(props);
		mark(props, tlp());
		props.put("sourceIds", List.of("source:bench"));
		props.put("sourceLocators", List.of("synthetic"));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("from", from);
		row.put("type", type);
		row.put("to", to);
		row.put("props", props);
		this.ties.add(row);
	}

	/** 90 % CLEAR, then GREEN, AMBER, AMBER+STRICT, RED. */
	private int tlp() {
		int u = this.random.nextInt(100);
		return (u < 90) ? 0 : (u < 95) ? 1 : (u < 98) ? 2 : (u < 99) ? 3 : 4;
	}

	private static void mark(Map<String, Object> props, int level) {
		org.partneratlas.graph.Tlp tlp = org.partneratlas.graph.Tlp.ofLevel(level);
		props.put("tlp", tlp.marking());
		props.put("tlpLevel", level);
		// the access list every read matches against the caller's grants (AMBER+STRICT and RED to a bench owner/group)
		props.put("access", org.partneratlas.graph.Visibility.accessOf(tlp, "org:bench", java.util.List.of("group:bench")));
	}

	/** A partial date (YYYY, YYYY-MM or YYYY-MM-DD) on 60 %, an end on 10 %, with the derived bounds. */
	private void dates(Map<String, Object> props) {
		if (this.random.nextInt(10) >= 6) {
			return;
		}
		int year = 2000 + this.random.nextInt(27);
		LocalDate start = partial(props, "start", year);
		if (this.random.nextInt(6) == 0) {
			partial(props, "end", Math.max(start.getYear(), year + 1 + this.random.nextInt(5)));
		}
	}

	private LocalDate partial(Map<String, Object> props, String as, int year) {
		int precision = this.random.nextInt(3);
		int month = 1 + this.random.nextInt(12);
		LocalDate from;
		LocalDate to;
		String text;
		if (precision == 0) {
			from = LocalDate.of(year, 1, 1);
			to = LocalDate.of(year, 12, 31);
			text = Integer.toString(year);
		}
		else if (precision == 1) {
			from = LocalDate.of(year, month, 1);
			to = YearMonth.of(year, month).atEndOfMonth();
			text = String.format("%d-%02d", year, month);
		}
		else {
			from = LocalDate.of(year, month, 1 + this.random.nextInt(28));
			to = from;
			text = from.toString();
		}
		props.put(as, text);
		props.put(as + "From", from);
		props.put(as + "To", to);
		return from;
	}

	/** Prints the counts of each size: {@code java ... Generator S M L}. */
	public static void main(String[] args) {
		for (String size : args) {
			long t = System.nanoTime();
			Generator g = generate(size, 42);
			Map<String, Integer> byType = new java.util.TreeMap<>();
			for (Map<String, Object> tie : g.ties) {
				byType.merge((String) tie.get("type"), 1, Integer::sum);
			}
			System.out.printf("%s: %d nodes, %d relationships %s, generated in %d ms%n", size, g.nodeCount(),
					g.tieCount(), byType, (System.nanoTime() - t) / 1_000_000);
		}
	}

}
