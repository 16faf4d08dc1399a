package org.partneratlas.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.ingest.CuratedGraph;

/**
 * Generated graphs whose nodes and relationships carry random TLP markings (with owners and recipients), random
 * callers, and the oracle of the differential tests: the graph as a caller may see it, worked out from the TLP policy
 * directly (not from the access lists the application uses), re-marked CLEAR so that anyone sees all of it.
 */
public final class MarkedGraphs {

	static final List<String> ORGS = List.of("org:o1", "org:o2");

	static final List<String> GROUPS = List.of("group:g1", "group:g2");

	public static final List<String> KINDS = List.of("digital-partnership", "cyber-dialogue", "digital-dialogue");

	/**
	 * An item as generated: a node (from and to null) or a relationship.
	 *
	 * @param id the id
	 * @param label the label of a node
	 * @param type the type of a relationship
	 * @param from the start of a relationship
	 * @param to the end of a relationship
	 * @param props its properties, marking excluded
	 * @param tlp its marking
	 * @param owner its owner (AMBER+STRICT)
	 * @param recipients its recipients (RED)
	 */
	public record Item(String id, Label label, RelType type, String from, String to, Map<String, Object> props,
			Tlp tlp, String owner, List<String> recipients) {

		/** The TLP policy itself: what {@code caller} may see of this item alone. */
		public boolean visibleTo(Visibility caller) {
			return switch (this.tlp) {
				case CLEAR, GREEN, AMBER -> this.tlp.level() <= caller.clearance().level();
				case AMBER_STRICT -> caller.clearance().level() >= Tlp.AMBER_STRICT.level()
						&& this.owner.equals(caller.organisation());
				case RED -> this.recipients.stream().anyMatch(caller.recipients()::contains);
			};
		}

	}

	private final List<Item> nodes = new ArrayList<>();

	private final List<Item> ties = new ArrayList<>();

	private final Random random;

	public MarkedGraphs(long seed, int actors, int instruments) {
		this(seed, actors, instruments, true);
	}

	/**
	 * A graph drawn from a seed.
	 *
	 * @param memberships whether actors join the groups {@link #GROUP_ACTORS} (drawn last); without them a seed gives
	 * the graph and callers it gave before memberships were added (GdsAnalyticsIT keeps such a draw as a regression case)
	 */
	public MarkedGraphs(long seed, int actors, int instruments, boolean memberships) {
		this.random = new Random(seed);
		for (int i = 0; i < actors; i++) {
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("name", "Actor " + i);
			props.put("kind", "association");
			props.put("sector", List.of("civilian", "defence", "dual-use").get(this.random.nextInt(3)));
			this.nodes.add(item("org:a" + i, Label.ORGANISATION, null, null, null, props));
		}
		for (int i = 0; i < instruments; i++) {
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("name", "Instrument " + i);
			props.put("kind", KINDS.get(this.random.nextInt(KINDS.size())));
			this.nodes.add(item("instrument:i" + i, Label.INSTRUMENT, null, null, null, props));
			int parties = 2 + this.random.nextInt(2);
			Set<Integer> chosen = new java.util.HashSet<>();
			for (int p = 0; p < parties; p++) {
				int actor = this.random.nextInt(actors);
				if (chosen.add(actor)) {
					Map<String, Object> tie = new LinkedHashMap<>();
					tie.put("role", "party");
					if (this.random.nextInt(4) == 0) {
						int year = 2018 + this.random.nextInt(8);
						tie.put("start", String.valueOf(year));
						tie.put("startFrom", java.time.LocalDate.of(year, 1, 1));
						tie.put("startTo", java.time.LocalDate.of(year, 12, 31));
					}
					this.ties.add(item(Edge.idOf("org:a" + actor, RelType.PARTY_TO, "instrument:i" + i, "party"), null,
							RelType.PARTY_TO, "org:a" + actor, "instrument:i" + i, tie));
				}
			}
		}
		for (int i = 0; i < actors / 2; i++) {
			int a = this.random.nextInt(actors);
			int b = this.random.nextInt(actors);
			String id = Edge.idOf("org:a" + a, RelType.COOPERATES_WITH, "org:a" + b, null);
			if (a != b && this.ties.stream().noneMatch((t) -> t.id().equals(id))) {
				this.ties.add(item(id, null, RelType.COOPERATES_WITH, "org:a" + a, "org:a" + b, new LinkedHashMap<>()));
			}
		}
		// memberships of the groups GROUP_ACTORS (drawn last, so the graph above is what it was before them): the
		// questions filtered by 'memberOf' expand from a group's visible members
		for (int i = GROUP_ACTORS.size(); memberships && i < actors; i++) {
			for (String group : GROUP_ACTORS) {
				if (this.random.nextInt(3) == 0) {
					Map<String, Object> member = new LinkedHashMap<>();
					member.put("role", "member");
					this.ties.add(item(Edge.idOf("org:a" + i, RelType.MEMBER_OF, group, "member"), null,
							RelType.MEMBER_OF, "org:a" + i, group, member));
				}
			}
		}
	}

	/** The actors others are members of (each a group the 'memberOf' filters can name). */
	public static final List<String> GROUP_ACTORS = List.of("org:a0", "org:a1");

	private Item item(String id, Label label, RelType type, String from, String to, Map<String, Object> props) {
		Tlp tlp = pickTlp();
		String owner = ORGS.get(this.random.nextInt(ORGS.size()));
		List<String> recipients = List.of(GROUPS.get(this.random.nextInt(GROUPS.size())));
		return new Item(id, label, type, from, to, props, tlp, owner, recipients);
	}

	private Tlp pickTlp() {
		int roll = this.random.nextInt(10);
		return (roll < 4) ? Tlp.CLEAR : Tlp.values()[1 + (roll - 4) % 4];
	}

	/** Random callers: every clearance, with or without an organisation and recipient groups. */
	public List<Visibility> callers(int count) {
		List<Visibility> callers = new ArrayList<>();
		callers.add(Visibility.ANONYMOUS);
		while (callers.size() < count) {
			Tlp clearance = Tlp.values()[this.random.nextInt(Tlp.values().length)];
			String org = this.random.nextBoolean() ? ORGS.get(this.random.nextInt(ORGS.size())) : null;
			Set<String> groups = this.random.nextBoolean() ? Set.of(GROUPS.get(this.random.nextInt(GROUPS.size())))
					: Set.of();
			callers.add(new Visibility(clearance, org, groups));
		}
		return callers;
	}

	public List<String> nodeIds() {
		return this.nodes.stream().map(Item::id).toList();
	}

	/** The whole graph, each item with its marking. */
	public CuratedGraph marked() {
		return graph(this.nodes, this.ties, false);
	}

	/** The graph as {@code caller} may see it (hidden nodes take their relationships with them), all CLEAR. */
	public CuratedGraph seenBy(Visibility caller) {
		List<Item> visibleNodes = this.nodes.stream().filter((n) -> n.visibleTo(caller)).toList();
		Set<String> ids = new java.util.HashSet<>(visibleNodes.stream().map(Item::id).toList());
		List<Item> visibleTies = this.ties.stream()
			.filter((t) -> t.visibleTo(caller) && ids.contains(t.from()) && ids.contains(t.to()))
			.toList();
		return graph(visibleNodes, visibleTies, true);
	}

	private static CuratedGraph graph(List<Item> nodes, List<Item> ties, boolean allClear) {
		List<Map<String, Object>> nodeRows = new ArrayList<>();
		for (Item n : nodes) {
			nodeRows.add(Map.of("id", n.id(), "labels", n.label().graphLabels(), "props", props(n, allClear)));
		}
		List<Map<String, Object>> tieRows = new ArrayList<>();
		for (Item t : ties) {
			Map<String, Object> props = props(t, allClear);
			props.put("id", t.id());
			tieRows.add(Map.of("id", t.id(), "from", t.from(), "type", t.type().name(), "to", t.to(), "props", props));
		}
		return new CuratedGraph(nodeRows, tieRows);
	}

	private static Map<String, Object> props(Item item, boolean allClear) {
		Map<String, Object> props = new HashMap<>(item.props());
		Tlp tlp = allClear ? Tlp.CLEAR : item.tlp();
		props.put("tlp", tlp.marking());
		props.put("tlpLevel", tlp.level());
		props.put("access", Visibility.accessOf(tlp, item.owner(), item.recipients()));
		props.put("sourceIds", List.of("source:generated"));
		props.put("sourceLocators", List.of("generator"));
		return props;
	}

}
