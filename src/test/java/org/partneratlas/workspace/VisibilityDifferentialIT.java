package org.partneratlas.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.Author;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.Fixtures;
import org.partneratlas.support.MarkedGraphs;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved queries and views obey the same visibility as graph items: on generated marked graphs with generated saved
 * queries and views (random markings, owners, versions, promotions, view states naming random nodes), every answer a
 * generated caller gets (the catalogue's list and its counts, finding by id with and without a version, opening a
 * view, the ids in its cut state, "my" lists) equals the answer worked out from the TLP policy itself
 * ({@link MarkedGraphs.Item#visibleTo}), not from the access lists the application uses.
 */
class VisibilityDifferentialIT {

	static final List<String> ORGS = List.of("org:o1", "org:o2");

	static final List<String> GROUPS = List.of("group:g1", "group:g2");

	static final List<String> OWNERS = List.of("u1", "u2", "u3");

	/**
	 * A generated saved item.
	 *
	 * @param id its id
	 * @param kind query or view
	 * @param owner who saved it
	 * @param marking its marking, as the oracle's item
	 * @param promoted for a query, which versions are promoted (index 0 is version 1)
	 * @param states for a view, each version's state
	 */
	record Saved(String id, SavedItems.Kind kind, String owner, MarkedGraphs.Item marking, List<Boolean> promoted,
			List<ViewState> states) {

		int versions() {
			return (this.kind == SavedItems.Kind.QUERY) ? this.promoted.size() : this.states.size();
		}

	}

	@TestFactory
	Stream<DynamicTest> savedQueriesAndViewsAnswerAsThePolicySays() {
		List<DynamicTest> tests = new ArrayList<>();
		for (long seed : new long[] { 401, 402, 403 }) {
			MarkedGraphs graphs = new MarkedGraphs(seed, 24, 20);
			GraphReads reads = Fixtures.load("workspace-marked-" + seed, graphs::marked);
			Random random = new Random(seed);
			List<Saved> saved = generate(random, graphs.nodeIds());
			write(TestNeo4j.fixtures(), saved);
			// The catalogue a view's query steps name is the saved-query source itself (built after the items).
			SavedQueryCatalogue[] source = new SavedQueryCatalogue[1];
			CatalogueSource late = new CatalogueSource() {
				@Override
				public Optional<CatalogueEntry> find(String id, Integer version, Visibility visibility) {
					return source[0].find(id, version, visibility);
				}

				@Override
				public List<CatalogueEntry> list(Visibility visibility) {
					return source[0].list(visibility);
				}
			};
			SavedItems items = new SavedItems(TestNeo4j.fixtures(), new CypherStatements(), reads, new QueryDocuments(null),
					new AtlasProperties(null, Duration.ofSeconds(30), null, "neo4j"),
					new QueryCatalogue(List.of(late), new ExplorerDocuments()));
			SavedQueryCatalogue catalogue = new SavedQueryCatalogue(items);
			source[0] = catalogue;
			List<Visibility> callers = graphs.callers(8);
			for (Visibility caller : callers) {
				Set<String> nodes = new HashSet<>();
				graphs.seenBy(caller).nodes().forEach((n) -> nodes.add(String.valueOf(n.get("id"))));
				List<String> actual = answers(catalogue, items, saved, caller);
				List<String> expected = expected(saved, caller, nodes);
				for (int q = 0; q < expected.size(); q++) {
					String name = "graph " + seed + ", " + caller + ", question " + q;
					String want = expected.get(q);
					String got = actual.get(q);
					tests.add(DynamicTest.dynamicTest(name, () -> assertThat(got).as(name).isEqualTo(want)));
				}
			}
		}
		return tests.stream();
	}

	private static List<Saved> generate(Random random, List<String> nodeIds) {
		List<Saved> saved = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			SavedItems.Kind kind = (i % 2 == 0) ? SavedItems.Kind.QUERY : SavedItems.Kind.VIEW;
			String id = kind.word + ":g" + i;
			int roll = random.nextInt(10);
			Tlp tlp = (roll < 4) ? Tlp.CLEAR : Tlp.values()[1 + (roll - 4) % 4];
			MarkedGraphs.Item marking = new MarkedGraphs.Item(id, null, null, null, null, Map.of(), tlp,
					ORGS.get(random.nextInt(2)), List.of(GROUPS.get(random.nextInt(2))));
			int versions = 1 + random.nextInt(3);
			List<Boolean> promoted = new ArrayList<>();
			List<ViewState> states = new ArrayList<>();
			for (int v = 0; v < versions; v++) {
				promoted.add(random.nextInt(3) == 0);
				List<ViewState.Step> steps = new ArrayList<>();
				for (int s = 0; s < 4; s++) {
					String a = nodeIds.get(random.nextInt(nodeIds.size()));
					String b = nodeIds.get(random.nextInt(nodeIds.size()));
					steps.add(switch (random.nextInt(4)) {
						case 3 -> query(random, a, b);
						case 0 -> new ViewState.Step("add", a, null, null, null, null, null, null, null, null);
						case 1 -> new ViewState.Step("expand", a, null, null, null, null, null, null, null, 25);
						default -> new ViewState.Step("path", null, a, b, 3, null, null, null, null, null);
					});
				}
				List<ViewState.Position> positions = new ArrayList<>();
				for (int p = 0; p < 5; p++) {
					positions.add(new ViewState.Position(nodeIds.get(random.nextInt(nodeIds.size())), p, -p));
				}
				states.add(new ViewState(steps, null, nodeIds.get(random.nextInt(nodeIds.size())), "profile",
						positions));
			}
			saved.add(new Saved(id, kind, OWNERS.get(random.nextInt(OWNERS.size())), marking, promoted, states));
		}
		return saved;
	}

	/**
	 * A catalogue step: its entry one of the generated saved queries (even ids; any marking) or one that does not
	 * exist, its variables naming random nodes anywhere (nested, in lists), a made-up id, or none, beside plain text.
	 */
	private static ViewState.Step query(Random random, String a, String b) {
		int entry = random.nextInt(14);
		String doc = (entry == 13) ? "query:none" : "query:g" + (2 * (entry % 12)) + ((entry == 12) ? "@1" : "");
		String vars = switch (random.nextInt(4)) {
			case 0 -> "{\"text\": \"acme\"}";
			case 1 -> "{\"id\": \"" + a + "\", \"limit\": 5}";
			case 2 -> "{\"between\": {\"ids\": [\"" + a + "\", \"" + b + "\"]}, \"text\": \"x y\"}";
			default -> "{\"id\": \"org:made-up-" + random.nextInt(5) + "\"}";
		};
		return new ViewState.Step("query", null, null, null, null, null, null, null, null, null, doc, vars);
	}

	private static void write(Driver driver, List<Saved> saved) {
		String statement = new CypherStatements().text("workspace/save-version");
		try (var session = driver.session()) {
			session.run("MATCH (s:Saved) DETACH DELETE s").consume();
			for (Saved item : saved) {
				MarkedGraphs.Item m = item.marking();
				SavedMarking marking = new SavedMarking(m.tlp(), (m.tlp() == Tlp.AMBER_STRICT) ? m.owner() : null,
						(m.tlp() == Tlp.RED) ? m.recipients() : List.of());
				for (int v = 0; v < item.versions(); v++) {
					Map<String, Object> props = new HashMap<>();
					props.put("id", item.id());
					props.put("version", v + 1);
					props.put("kind", item.kind().word);
					props.put("name", "Saved " + item.id() + " v" + (v + 1));
					props.put("description", "generated");
					props.put("savedBy", item.owner());
					marking.into(props);
					if (item.kind() == SavedItems.Kind.QUERY) {
						props.put("document", "{ node(id: \"x\") { id } }");
						props.put("variables", "[]");
						props.put("origin", item.promoted().get(v) ? "PROMOTED" : "SAVED");
					}
					else {
						props.put("state", QueryDocuments.JSON.writeValueAsString(item.states().get(v)));
					}
					session.run(statement, Map.of("labels", item.kind().labels, "props", props, "grants",
							marking.access())).consume();
				}
			}
		}
	}

	private static List<String> answers(SavedQueryCatalogue catalogue, SavedItems items, List<Saved> saved,
			Visibility caller) {
		List<String> answers = new ArrayList<>();
		List<CatalogueEntry> listed = catalogue.list(caller);
		answers.add(listed.stream().map((e) -> e.id() + "@" + e.version() + " " + e.origin()).sorted().toList().toString());
		answers.add(String.valueOf(listed.size()));
		for (Saved item : saved) {
			if (item.kind() == SavedItems.Kind.QUERY) {
				answers.add(entry(catalogue.find(item.id(), null, caller)));
				for (int v = 1; v <= 4; v++) {
					answers.add(entry(catalogue.find(item.id(), v, caller)));
				}
			}
			else {
				answers.add(view(items.view(item.id(), null, caller)));
				for (int v = 1; v <= 4; v++) {
					answers.add(view(items.view(item.id(), v, caller)));
				}
			}
		}
		for (String owner : OWNERS) {
			Author author = new Author(owner, "analyst", false, false, caller, "differential");
			List<SavedView> views = items.myViews(author);
			List<CatalogueEntry> queries = items.myQueries(author);
			answers.add(views.stream().map((x) -> x.id() + "@" + x.version()).sorted().toList() + " " + views.size());
			answers.add(queries.stream().map((x) -> x.id() + "@" + x.version()).sorted().toList() + " " + queries.size());
		}
		return answers;
	}

	private static List<String> expected(List<Saved> saved, Visibility caller, Set<String> nodes) {
		List<String> answers = new ArrayList<>();
		List<String> listed = new ArrayList<>();
		for (Saved item : saved) {
			if (item.kind() == SavedItems.Kind.QUERY && item.marking().visibleTo(caller)) {
				int newestPromoted = item.promoted().lastIndexOf(true);
				if (newestPromoted >= 0) {
					listed.add(item.id() + "@" + (newestPromoted + 1) + " PROMOTED");
				}
			}
		}
		answers.add(listed.stream().sorted().toList().toString());
		answers.add(String.valueOf(listed.size()));
		for (Saved item : saved) {
			boolean visible = item.marking().visibleTo(caller);
			if (item.kind() == SavedItems.Kind.QUERY) {
				int newestPromoted = item.promoted().lastIndexOf(true);
				int named = (newestPromoted >= 0) ? newestPromoted + 1 : item.versions();
				answers.add(visible ? item.id() + "@" + named + " " + origin(item, named) : "-");
				for (int v = 1; v <= 4; v++) {
					answers.add((visible && v <= item.versions()) ? item.id() + "@" + v + " " + origin(item, v) : "-");
				}
			}
			else {
				answers.add(visible ? cut(item, item.versions(), nodes, saved, caller) : "-");
				for (int v = 1; v <= 4; v++) {
					answers.add((visible && v <= item.versions()) ? cut(item, v, nodes, saved, caller) : "-");
				}
			}
		}
		for (String owner : OWNERS) {
			for (SavedItems.Kind kind : List.of(SavedItems.Kind.VIEW, SavedItems.Kind.QUERY)) {
				List<String> mine = saved.stream()
					.filter((x) -> x.kind() == kind && x.owner().equals(owner) && x.marking().visibleTo(caller))
					.map((x) -> x.id() + "@" + x.versions())
					.sorted()
					.toList();
				answers.add(mine + " " + mine.size());
			}
		}
		return answers;
	}

	private static String origin(Saved item, int version) {
		return item.promoted().get(version - 1) ? "PROMOTED" : "SAVED";
	}

	/** The oracle's cut: steps whose nodes the policy shows the caller, the selection and positions likewise. */
	private static String cut(Saved item, int version, Set<String> nodes, List<Saved> saved, Visibility caller) {
		ViewState state = item.states().get(version - 1);
		List<String> steps = state.steps().stream()
			.filter((s) -> !"query".equals(s.op()) || entrySeen(s.doc(), saved, caller))
			.filter((s) -> names(s).stream().allMatch(nodes::contains))
			.map(VisibilityDifferentialIT::step)
			.toList();
		String selected = nodes.contains(state.selected()) ? state.selected() : null;
		List<String> positions = state.positions().stream().filter((p) -> nodes.contains(p.id())).map(ViewState.Position::id).toList();
		return item.id() + "@" + version + "/" + item.versions() + " " + steps + " " + selected + " " + positions;
	}

	/** The oracle's catalogue: a query step's entry is seen when the policy shows the caller that saved query. */
	private static boolean entrySeen(String doc, List<Saved> saved, Visibility caller) {
		String[] parts = doc.split("@");
		return saved.stream()
			.anyMatch((x) -> x.id().equals(parts[0]) && x.kind() == SavedItems.Kind.QUERY
					&& (parts.length == 1 || Integer.parseInt(parts[1]) <= x.versions()) && x.marking().visibleTo(caller));
	}

	/** The oracle's names: a query step's are the node-id-shaped strings its variables hold, read independently. */
	private static List<String> names(ViewState.Step s) {
		if (!"query".equals(s.op())) {
			return s.names();
		}
		List<String> ids = new ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*)\"")
			.matcher(s.vars());
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private static String step(ViewState.Step s) {
		return "query".equals(s.op()) ? "query:" + s.doc() + ":" + s.vars() : s.op() + ":" + s.names();
	}

	private static String entry(Optional<CatalogueEntry> entry) {
		return entry.map((e) -> e.id() + "@" + e.version() + " " + e.origin()).orElse("-");
	}

	private static String view(Optional<SavedView> view) {
		return view.map((v) -> v.id() + "@" + v.version() + "/" + v.latestVersion() + " "
				+ v.state().steps().stream().map(VisibilityDifferentialIT::step).toList() + " " + v.state().selected() + " "
				+ v.state().positions().stream().map(ViewState.Position::id).toList()).orElse("-");
	}

}
