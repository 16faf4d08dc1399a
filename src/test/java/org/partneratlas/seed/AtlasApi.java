package org.partneratlas.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;

import org.partneratlas.support.GraphQl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The few API calls the seed tests compose, read into small records: listings (every page), profiles (memoised: the
 * graph does not change while the tests run) and connections. Every fact comes from the GraphQL API over HTTP.
 */
final class AtlasApi {

	static final String EU = "union:eu";

	private static final String ITEM_FIELDS = """
			__typename id name kind start sources { sourceId locator }
			... on Actor { sector } ... on Country { euStatus }
			... on Instrument { status } ... on Programme { status } ... on Project { status } ... on Cable { status }""";

	private static final String INSTRUMENTS = """
			query ($labels: [Label!], $kinds: [String!], $statuses: [String!], $party: ID, $after: String) {
			  page: instruments(filter: {labels: $labels, kinds: $kinds, statuses: $statuses, party: $party},
			                    first: 100, after: $after) {
			    nodes { %s }
			    pageInfo { hasNextPage endCursor } } }""".formatted(ITEM_FIELDS);

	private static final String ACTORS = """
			query ($labels: [Label!], $kinds: [String!], $sectors: [String!], $euStatus: [String!], $after: String) {
			  page: actors(filter: {labels: $labels, kinds: $kinds, sectors: $sectors, euStatus: $euStatus},
			               first: 100, after: $after) {
			    nodes { %s }
			    pageInfo { hasNextPage endCursor } } }""".formatted(ITEM_FIELDS);

	private static final String PROFILE = """
			query ($id: ID!) { profile(id: $id) {
			  node { id }
			  ties { direction edge { type role status sources { sourceId locator } } other { %s } } } }"""
		.formatted(ITEM_FIELDS);

	private static final String CONNECTIONS = """
			query ($a: ID!, $b: ID!) { connections(a: $a, b: $b) { through { via { %s } } } }""".formatted(ITEM_FIELDS);

	private final GraphQl graphQl;

	private final Map<String, List<Tie>> profiles = new HashMap<>();

	AtlasApi(GraphQl graphQl) {
		this.graphQl = graphQl;
	}

	/**
	 * A node as listings and profiles show it.
	 *
	 * @param citations its sources as {@code "<source id>: <locator>"} ({@code "004: footnote 13"}), as seed files
	 * write them
	 */
	record Item(String type, String id, String name, String kind, String status, String start, String sector,
			String euStatus, List<String> citations) {

		static Item of(Map<String, Object> json) {
			return new Item((String) json.get("__typename"), (String) json.get("id"), (String) json.get("name"),
					(String) json.get("kind"), (String) json.get("status"), (String) json.get("start"),
					(String) json.get("sector"), (String) json.get("euStatus"), AtlasApi.citations(json));
		}

	}

	/**
	 * One edge of a profiled node, with the node at its other end.
	 *
	 * @param direction {@code OUT} when the profiled node starts the edge
	 * @param citations the edge's sources, as {@link Item#citations()}
	 */
	record Tie(String direction, String type, String role, String status, List<String> citations, Item other) {

		boolean is(String direction, String type) {
			return this.direction.equals(direction) && this.type.equals(type);
		}

		String otherId() {
			return this.other.id();
		}

	}

	/** Everything listed by {@code instruments} (every page): instruments, programmes, projects or cables. */
	List<Item> items(List<String> labels, String kind, String status) {
		return page(INSTRUMENTS, "labels", labels, "kinds", (kind != null) ? List.of(kind) : null, "statuses",
				(status != null) ? List.of(status) : null, "party", null);
	}

	/** Everything listed by {@code actors} (every page) with the given filters (null: no filter). */
	List<Item> actors(List<String> labels, String kind, String sector, String euStatus) {
		return page(ACTORS, "labels", labels, "kinds", (kind != null) ? List.of(kind) : null, "sectors",
				(sector != null) ? List.of(sector) : null, "euStatus", (euStatus != null) ? List.of(euStatus) : null);
	}

	/** Every edge of a node from {@code profile}; fails when the node is missing or hidden. */
	List<Tie> ties(String id) {
		return this.profiles.computeIfAbsent(id, (key) -> {
			DocumentContext answer = this.graphQl.post(PROFILE, "id", key);
			noErrors(answer, "profile of " + key);
			assertThat(answer.read("$.data.profile", Map.class)).as("profile of %s", key).isNotNull();
			List<Map<String, Object>> ties = answer.read("$.data.profile.ties");
			return ties.stream().map(AtlasApi::tie).toList();
		});
	}

	/** Edges of a node in one direction and of one type. */
	Stream<Tie> ties(String id, String direction, String type) {
		return ties(id).stream().filter((tie) -> tie.is(direction, type));
	}

	/** Ids at the other end of a node's edges of one direction and type. */
	Set<String> others(String id, String direction, String type) {
		return ids(ties(id, direction, type).map(Tie::other));
	}

	/** Ids at the other end of a node's edges of one direction and type whose other end passes the test. */
	Set<String> others(String id, String direction, String type, Predicate<Item> other) {
		return ids(ties(id, direction, type).map(Tie::other).filter(other));
	}

	/** The actors other than the EU that are {@code PARTY_TO} an instrument, with their edges. */
	Stream<Tie> partiesOf(String instrument) {
		return ties(instrument, "IN", "PARTY_TO").filter((tie) -> !tie.otherId().equals(EU));
	}

	/** The actors other than the EU that are party to any instrument of a kind (and status, if given). */
	Set<String> partners(String kind, String... statuses) {
		return ids(partnerTies(kind, statuses).map(Tie::other));
	}

	/** The {@code PARTY_TO} edges of the non-EU parties to the instruments of a kind (and one of the statuses). */
	Stream<Tie> partnerTies(String kind, String... statuses) {
		List<Item> instruments = new ArrayList<>();
		if (statuses.length == 0) {
			instruments.addAll(items(List.of("INSTRUMENT"), kind, null));
		}
		for (String status : statuses) {
			instruments.addAll(items(List.of("INSTRUMENT"), kind, status));
		}
		assertThat(instruments).as("instruments of kind %s", kind).isNotEmpty();
		return instruments.stream().flatMap((instrument) -> partiesOf(instrument.id()));
	}

	/** Nodes that {@code connections(a, b)} says both are tied to. */
	List<Item> through(String a, String b) {
		DocumentContext answer = this.graphQl.post(CONNECTIONS, "a", a, "b", b);
		noErrors(answer, "connections of " + a + " and " + b);
		List<Map<String, Object>> via = answer.read("$.data.connections.through[*].via");
		return via.stream().map(Item::of).toList();
	}

	/** The node with this id as the API shows it, or null when it is missing or hidden. */
	Item node(String id) {
		DocumentContext answer = this.graphQl.post("query ($id: ID!) { node(id: $id) { %s } }".formatted(ITEM_FIELDS),
				"id", id);
		Map<String, Object> node = answer.read("$.data.node");
		return (node != null) ? Item.of(node) : null;
	}

	static Set<String> ids(Stream<Item> items) {
		return items.map(Item::id).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	static Set<String> ids(List<Item> items) {
		return ids(items.stream());
	}

	static Set<String> both(Set<String> a, Set<String> b) {
		Set<String> both = new LinkedHashSet<>(a);
		both.retainAll(b);
		return both;
	}

	static Set<String> either(Set<String> a, Set<String> b) {
		Set<String> either = new LinkedHashSet<>(a);
		either.addAll(b);
		return either;
	}

	static Set<String> without(Set<String> a, Set<String> b) {
		Set<String> without = new LinkedHashSet<>(a);
		without.removeAll(b);
		return without;
	}

	private List<Item> page(String query, Object... filters) {
		List<Item> items = new ArrayList<>();
		String after = null;
		do {
			Object[] variables = Stream.concat(Stream.of(filters), Stream.of("after", after)).toArray();
			DocumentContext answer = this.graphQl.post(query, variables);
			noErrors(answer, "listing " + java.util.Arrays.asList(filters));
			List<Map<String, Object>> nodes = answer.read("$.data.page.nodes");
			nodes.stream().map(Item::of).forEach(items::add);
			after = answer.read("$.data.page.pageInfo.hasNextPage", Boolean.class)
					? answer.read("$.data.page.pageInfo.endCursor") : null;
		}
		while (after != null);
		return items;
	}

	static void noErrors(DocumentContext answer, String what) {
		assertThat(answer.read("$", Map.class).get("errors")).as("errors in %s", what).isNull();
	}

	@SuppressWarnings("unchecked")
	private static Tie tie(Map<String, Object> json) {
		Map<String, Object> edge = (Map<String, Object>) json.get("edge");
		return new Tie((String) json.get("direction"), (String) edge.get("type"), (String) edge.get("role"),
				(String) edge.get("status"), AtlasApi.citations(edge), Item.of((Map<String, Object>) json.get("other")));
	}

	@SuppressWarnings("unchecked")
	static List<String> citations(Map<String, Object> json) {
		List<Map<String, Object>> sources = (List<Map<String, Object>>) json.get("sources");
		return sources.stream()
			.map((s) -> ((String) s.get("sourceId")).replaceFirst("^source:", "") + ": " + s.get("locator"))
			.toList();
	}

}
