package org.partneratlas.workspace;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved queries and views through the API, over HTTP, as each role may use them: who saves, promotes and removes
 * (every refusal names the role it needs), versions, the checks a document and a view state pass, markings, the
 * audit trail, and the view cut to its opener.
 */
class WorkspaceApiIT extends AtlasIT {

	static final String VIEWER = "test-csc-member";

	static final String ANALYST = "test-green";

	static final String AMBER_ANALYST = "test-amber";

	static final String EDITOR = "test-editor-ecso";

	static final String GREEN_EDITOR = "test-editor-green";

	static final String ADMIN = "test-red-cleared";

	static final String PARTNERS_WITH_BUT_NOT = """
			query PartnersWithButNot($has: String!, $lacks: String!, $region: ID!) {
			  gaps(actors: {labels: [COUNTRY], memberOf: $region}, has: [$has], lacks: [$lacks]) { actor { id name } }
			}""";

	static final String SAVE_QUERY = """
			mutation ($input: SaveQueryInput!) { saveQuery(input: $input) {
			  id version name description document origin marking owner variables { name type description suggest } } }""";

	static final String SAVED_QUERY = """
			query ($id: ID!, $version: Int) { savedQuery(id: $id, version: $version) { id version name document origin owner } }""";

	static final String PROMOTE = """
			mutation ($id: ID!, $version: Int!) { promoteQuery(id: $id, version: $version) { id version origin } }""";

	static final String REMOVE_QUERY = """
			mutation ($id: ID!) { removeSavedQuery(id: $id, reason: "no longer asked") { id versions } }""";

	static final String SAVE_VIEW = """
			mutation ($input: SaveViewInput!) { saveView(input: $input) { id version latestVersion name marking owner link
			  state { steps { op id from to k limit types } asOf selected tab positions { id x y } } } }""";

	static final String VIEW = """
			query ($id: ID!, $version: Int) { view(id: $id, version: $version) { id version latestVersion name marking link
			  state { steps { op id from to } selected positions { id x y } } } }""";

	static final String HISTORY = "query ($id: ID!) { history(id: $id) { by role action version reason changes { key } } }";

	static final String AMBER_COMMUNITY = "community:creis-cec";

	@Autowired
	List<CatalogueSource> sources;

	static Map<String, Object> variable(String name, String type, String description, String suggest) {
		return Map.of("name", name, "type", type, "description", description, "suggest", suggest);
	}

	static Map<String, Object> query(String name, Tlp marking) {
		return Map.of("name", name, "description", "Partners in a region party to one kind of instrument but not another",
				"document", PARTNERS_WITH_BUT_NOT, "marking", marking.name(), "variables", List.of(
						variable("has", "String!", "The instrument kind they have", "instrumentKind"),
						variable("lacks", "String!", "The instrument kind they lack", "instrumentKind"),
						variable("region", "ID!", "The region (a grouping) they belong to", "actor")));
	}

	DocumentContext as(String token, String query, Object... variables) {
		return (token == null) ? this.graphQl.post(query, variables) : this.graphQl.as(token).post(query, variables);
	}

	static String classification(DocumentContext answer) {
		return answer.read("$.errors[0].extensions.classification");
	}

	static String message(DocumentContext answer) {
		return answer.read("$.errors[0].message");
	}

	@Test
	void eachRoleSavesPromotesAndRemovesAsItMayAndEveryRefusalNamesTheRoleItNeeds() {
		DocumentContext anonymous = as(null, SAVE_QUERY, "input", query("Partners with X but not Y", Tlp.CLEAR));
		assertThat(classification(anonymous)).isEqualTo("UNAUTHORIZED");
		DocumentContext viewer = as(VIEWER, SAVE_QUERY, "input", query("Partners with X but not Y", Tlp.CLEAR));
		assertThat(classification(viewer)).isEqualTo("FORBIDDEN");
		assertThat(message(viewer)).contains("analyst, editor or admin role; you are viewer");

		DocumentContext saved = as(ANALYST, SAVE_QUERY, "input", query("Partners with X but not Y", Tlp.GREEN));
		assertThat(saved.jsonString()).doesNotContain("errors");
		String id = saved.read("$.data.saveQuery.id");
		assertThat(id).matches("query:[a-z0-9]{10}");
		assertThat(saved.<Integer>read("$.data.saveQuery.version")).isEqualTo(1);
		assertThat(saved.<String>read("$.data.saveQuery.origin")).isEqualTo("SAVED");
		assertThat(saved.<String>read("$.data.saveQuery.owner")).isEqualTo("green");
		assertThat(saved.<List<String>>read("$.data.saveQuery.variables[*].type")).containsExactly("String!", "String!", "ID!");

		DocumentContext analystPromotes = as(ANALYST, PROMOTE, "id", id, "version", 1);
		assertThat(classification(analystPromotes)).isEqualTo("FORBIDDEN");
		assertThat(message(analystPromotes)).contains("editor or admin role; you are analyst");
		assertThat(classification(as(VIEWER, "{ queriesToReview { id } }"))).isEqualTo("FORBIDDEN");
		assertThat(as(GREEN_EDITOR, "{ queriesToReview { id } }").<List<String>>read("$.data.queriesToReview[*].id"))
			.contains(id);
		// not promoted: found by id by those who reach its marking, listed in no shared catalogue
		assertThat(this.sources.stream().flatMap((s) -> s.list(Visibility.clearedFor(Tlp.RED)).stream())
			.map(CatalogueEntry::id)).doesNotContain(id);
		assertThat(this.sources.stream().map((s) -> s.find(id, null, Visibility.clearedFor(Tlp.GREEN))))
			.anySatisfy((e) -> assertThat(e).hasValueSatisfying((x) -> assertThat(x.origin()).isEqualTo(CatalogueEntry.Origin.SAVED)));

		DocumentContext promoted = as(GREEN_EDITOR, PROMOTE, "id", id, "version", 1);
		assertThat(promoted.<String>read("$.data.promoteQuery.origin")).isEqualTo("PROMOTED");
		assertThat(this.sources.stream().flatMap((s) -> s.list(Visibility.clearedFor(Tlp.GREEN)).stream())
			.filter((e) -> e.id().equals(id))).singleElement()
			.satisfies((e) -> assertThat(e.origin().trusted()).isTrue());
		assertThat(this.sources.stream().flatMap((s) -> s.list(Visibility.ANONYMOUS).stream()).map(CatalogueEntry::id))
			.as("a GREEN entry is out of a CLEAR caller's catalogue").doesNotContain(id);
		assertThat(as(GREEN_EDITOR, "{ queriesToReview { id } }").<List<String>>read("$.data.queriesToReview[*].id"))
			.doesNotContain(id);

		DocumentContext ownerRemoves = as(ANALYST, REMOVE_QUERY, "id", id);
		assertThat(classification(ownerRemoves)).isEqualTo("FORBIDDEN");
		assertThat(message(ownerRemoves)).contains("promoted query needs the admin role");
		DocumentContext editorRemoves = as(GREEN_EDITOR, REMOVE_QUERY, "id", id);
		assertThat(message(editorRemoves)).contains("needs the admin role; you are editor");
		DocumentContext removed = as(ADMIN, REMOVE_QUERY, "id", id);
		assertThat(removed.<Integer>read("$.data.removeSavedQuery.versions")).isEqualTo(1);
		assertThat(as(ANALYST, SAVED_QUERY, "id", id).<Object>read("$.data.savedQuery")).isNull();
		assertThat(this.sources.stream().flatMap((s) -> s.list(Visibility.clearedFor(Tlp.RED)).stream())
			.map(CatalogueEntry::id)).doesNotContain(id);

		// the audit trail: created, promoted, removed, by whom and why; not for a caller below its marking
		DocumentContext history = as(AMBER_ANALYST, HISTORY, "id", id);
		assertThat(history.<List<String>>read("$.data.history[*].action")).containsExactly("REMOVED", "PROMOTED", "CREATED");
		assertThat(history.<List<String>>read("$.data.history[*].by")).containsExactly("red-cleared", "editor-green", "green");
		assertThat(history.<String>read("$.data.history[0].reason")).isEqualTo("no longer asked");
		assertThat(as(VIEWER, HISTORY, "id", id).<String>read("$.errors[0].extensions.classification"))
			.as("below its marking: the same answer as an unknown id").isEqualTo("NOT_FOUND");
	}

	@Test
	void ownersRemoveTheirOwnUnpromotedQueriesAndViewsButNotAnothersAndAHiddenOneIsMissing() {
		String id = as(ANALYST, SAVE_QUERY, "input", query("Mine", Tlp.CLEAR)).read("$.data.saveQuery.id");
		assertThat(message(as(AMBER_ANALYST, REMOVE_QUERY, "id", id))).contains("Removing another's saved query needs the admin role");
		assertThat(as(ANALYST, REMOVE_QUERY, "id", id).<Integer>read("$.data.removeSavedQuery.versions")).isEqualTo(1);
		String amber = as(AMBER_ANALYST, SAVE_QUERY, "input", query("Amber", Tlp.AMBER)).read("$.data.saveQuery.id");
		DocumentContext hidden = as(ANALYST, REMOVE_QUERY, "id", amber);
		DocumentContext missing = as(ANALYST, REMOVE_QUERY, "id", "query:nosuchquery");
		assertThat(classification(hidden)).isEqualTo("NOT_FOUND").isEqualTo(classification(missing));
		assertThat(message(hidden).replace(amber, "X")).isEqualTo(message(missing).replace("query:nosuchquery", "X"));
	}

	@Test
	void savingAgainMakesANewVersionAndTheOldOneStaysUnderItsNumber() {
		String id = as(ANALYST, SAVE_QUERY, "input", query("Versions", Tlp.CLEAR)).read("$.data.saveQuery.id");
		Map<String, Object> second = new java.util.HashMap<>(query("Versions, second", Tlp.GREEN));
		second.put("id", id);
		second.put("document", PARTNERS_WITH_BUT_NOT.replace("actor { id name }", "actor { id }"));
		DocumentContext v2 = as(ANALYST, SAVE_QUERY, "input", second);
		assertThat(v2.<Integer>read("$.data.saveQuery.version")).isEqualTo(2);
		assertThat(v2.<String>read("$.data.saveQuery.id")).isEqualTo(id);
		assertThat(as(ANALYST, SAVED_QUERY, "id", id, "version", 1).<String>read("$.data.savedQuery.document"))
			.contains("actor { id name }");
		assertThat(as(ANALYST, SAVED_QUERY, "id", id).<Integer>read("$.data.savedQuery.version")).isEqualTo(2);
		// the marking is the item's: raised to GREEN on v2, v1 is out of a CLEAR caller's reach too
		assertThat(as(VIEWER, SAVED_QUERY, "id", id, "version", 1).<Object>read("$.data.savedQuery")).isNull();
		// another's item: refused by name; lowering it back without the admin role: refused
		DocumentContext other = as(AMBER_ANALYST, SAVE_QUERY, "input", second);
		assertThat(message(other)).contains("Only its owner saves new versions");
		Map<String, Object> lowered = new java.util.HashMap<>(second);
		lowered.put("marking", "CLEAR");
		assertThat(message(as(ANALYST, SAVE_QUERY, "input", lowered))).contains("Lowering the marking").contains("admin role");
		assertThat(as(ANALYST, HISTORY, "id", id).<List<String>>read("$.data.history[*].action"))
			.containsExactly("UPDATED", "CREATED");
	}

	@Test
	void aDocumentIsCheckedAgainstTheSchemaAndItsVariablesAgainstTheDocument() {
		Map<String, Object> input = new java.util.HashMap<>(query("Bad", Tlp.CLEAR));
		input.put("document", PARTNERS_WITH_BUT_NOT.replace("actor { id name }", "actor { id nmae }"));
		DocumentContext badField = as(ANALYST, SAVE_QUERY, "input", input);
		assertThat(classification(badField)).isEqualTo("BAD_REQUEST");
		assertThat(badField.<List<String>>read("$.errors[0].extensions.problems[*].field")).contains("input.document");
		assertThat(message(badField)).contains("nmae");

		input.put("document", PARTNERS_WITH_BUT_NOT);
		input.put("variables", List.of(variable("has", "ID!", "wrong type", "instrumentKind"),
				variable("lacks", "String!", "", "instrumentKind"), variable("other", "String", "not in it", "nothing")));
		DocumentContext badVariables = as(ANALYST, SAVE_QUERY, "input", input);
		assertThat(badVariables.<List<String>>read("$.errors[0].extensions.problems[*].field")).contains(
				"input.variables[0].type", "input.variables[1].description", "input.variables[2].name", "input.variables");
		assertThat(message(badVariables)).contains("$has is String! in the document, not ID!")
			.contains("$region is not declared");

		input.put("variables", query("x", Tlp.CLEAR).get("variables"));
		input.put("document", "mutation { unlink(input: {id: \"x\", version: 1, reason: \"x\"}) { id } }");
		assertThat(message(as(ANALYST, SAVE_QUERY, "input", input))).contains("does not write");
		input.put("document", "{ node(id: ");
		assertThat(message(as(ANALYST, SAVE_QUERY, "input", input))).contains("not a GraphQL document");

		input.put("document", "query ($k: Int) { paths(from: \"country:IN\", to: \"org:ecso\", k: $k) { found } }");
		input.put("variables", List.of(Map.of("name", "k", "type", "Int", "description", "how many", "defaultValue", "\"three\"")));
		assertThat(as(ANALYST, SAVE_QUERY, "input", input).<List<String>>read("$.errors[0].extensions.problems[*].field"))
			.containsExactly("input.variables[0].defaultValue");
		input.put("variables", List.of(Map.of("name", "k", "type", "Int", "description", "how many", "defaultValue", "3")));
		assertThat(as(ANALYST, SAVE_QUERY, "input", input).<Integer>read("$.data.saveQuery.version")).isEqualTo(1);

		input.put("marking", "AMBER");
		assertThat(message(as(ANALYST, SAVE_QUERY, "input", input))).contains("cleared up to GREEN");
		assertThat(as(ANALYST, "{ myQueries { id } }").<List<String>>read("$.data.myQueries[*].id")).isNotEmpty();
		assertThat(as(VIEWER, "{ myQueries { id } }").<List<String>>read("$.data.myQueries")).isEmpty();
	}

	static Map<String, Object> viewOf(String name, Tlp marking) {
		return Map.of("name", name, "description", "ECSO and the AMBER community", "marking", marking.name(), "state",
				Map.of("steps", List.of(Map.of("op", "add", "id", "org:ecso"), Map.of("op", "add", "id", AMBER_COMMUNITY),
						Map.of("op", "expand", "id", AMBER_COMMUNITY, "limit", 30),
						Map.of("op", "path", "from", "org:ecso", "to", "country:IN", "k", 3)),
						"asOf", "2024-01-01", "selected", AMBER_COMMUNITY, "tab", "paths",
						"positions", List.of(Map.of("id", "org:ecso", "x", 10.5, "y", -3.0),
								Map.of("id", AMBER_COMMUNITY, "x", 99.0, "y", 42.0))));
	}

	@Test
	void aViewSavedByAnAmberEditorIsCutToWhatItsOpenerMaySeeAndAViewAboveThemIsMissing() {
		DocumentContext saved = as(EDITOR, SAVE_VIEW, "input", viewOf("ECSO's circle", Tlp.CLEAR));
		assertThat(saved.jsonString()).doesNotContain("errors");
		String id = saved.read("$.data.saveView.id");
		assertThat(id).matches("view:[a-z0-9]{10}");
		assertThat(saved.<String>read("$.data.saveView.link")).isEqualTo("#view=" + id + "@1");
		assertThat(saved.<List<String>>read("$.data.saveView.state.steps[*].op")).containsExactly("add", "add", "expand", "path");
		assertThat(saved.<Integer>read("$.data.saveView.state.steps[2].limit")).isEqualTo(50);
		assertThat(saved.<String>read("$.data.saveView.state.selected")).isEqualTo(AMBER_COMMUNITY);

		DocumentContext opened = as(null, VIEW, "id", id);
		assertThat(opened.<String>read("$.data.view.name")).isEqualTo("ECSO's circle");
		assertThat(opened.<List<String>>read("$.data.view.state.steps[*].op")).containsExactly("add", "path");
		assertThat(opened.<Object>read("$.data.view.state.selected")).isNull();
		assertThat(opened.<List<String>>read("$.data.view.state.positions[*].id")).containsExactly("org:ecso");
		assertThat(opened.jsonString()).doesNotContain(AMBER_COMMUNITY).doesNotContain("creis");

		Map<String, Object> again = new java.util.HashMap<>(viewOf("ECSO's circle, AMBER", Tlp.AMBER));
		again.put("id", id);
		DocumentContext v2 = as(EDITOR, SAVE_VIEW, "input", again);
		assertThat(v2.<Integer>read("$.data.saveView.version")).isEqualTo(2);
		assertThat(as(EDITOR, VIEW, "id", id, "version", 1).<Integer>read("$.data.view.latestVersion")).isEqualTo(2);
		// above the opener: exactly as a view that never existed
		DocumentContext above = as(null, VIEW, "id", id, "version", 1);
		DocumentContext never = as(null, VIEW, "id", "view:neverexists", "version", 1);
		assertThat(above.jsonString()).isEqualTo(never.jsonString());
		assertThat(as(EDITOR, "{ myViews { id name version } }").<List<String>>read("$.data.myViews[*].id")).contains(id);
		assertThat(as(VIEWER, "{ myViews { id } }").<List<Object>>read("$.data.myViews")).isEmpty();
		assertThat(classification(as(VIEWER, SAVE_VIEW, "input", viewOf("x", Tlp.CLEAR)))).isEqualTo("FORBIDDEN");
		assertThat(message(as(ANALYST, "mutation ($id: ID!) { removeView(id: $id, reason: \"x\") { id } }", "id", id)))
			.contains("No view with id");
		assertThat(as(EDITOR, "mutation ($id: ID!) { removeView(id: $id, reason: \"done\") { versions } }", "id", id)
			.<Integer>read("$.data.removeView.versions")).isEqualTo(2);
	}

	@Test
	void aCatalogueStepIsKeptForAnOpenerWhoMaySeeItsEntryAndEveryNodeItsVariablesNameAndCutOtherwise() {
		String steps = "state { steps { op doc vars } }";
		String save = "mutation ($input: SaveViewInput!) { saveView(input: $input) { id " + steps + " } }";
		String open = "query ($id: ID!) { view(id: $id) { id " + steps + " } }";
		String clearVars = "{\"group\": \"region:enlargement-countries\"}";
		Map<String, Object> input = Map.of("name", "Members", "marking", "CLEAR", "state", Map.of("steps", List.of(
				Map.of("op", "query", "doc", "members-of", "vars", "{\"group\": {\"nested\": [\"" + AMBER_COMMUNITY + "\"]}}"),
				Map.of("op", "query", "doc", "members-of@1", "vars", clearVars),
				Map.of("op", "query", "doc", "test-amber-briefing", "vars", "{\"id\": \"union:eu\"}"))));
		DocumentContext saved = as(EDITOR, save, "input", input);
		assertThat(saved.jsonString()).doesNotContain("errors");
		String id = saved.read("$.data.saveView.id");
		assertThat(saved.<List<String>>read("$.data.saveView.state.steps[*].doc")).containsExactly("members-of",
				"members-of@1", "test-amber-briefing");
		// the AMBER editor sees all three; a CLEAR opener keeps only the step naming CLEAR items and a CLEAR entry
		assertThat(as(EDITOR, open, "id", id).<List<String>>read("$.data.view.state.steps[*].doc")).hasSize(3);
		for (String viewer : java.util.Arrays.asList(null, VIEWER)) {
			DocumentContext opened = as(viewer, open, "id", id);
			assertThat(opened.<List<String>>read("$.data.view.state.steps[*].doc")).as(viewer).containsExactly("members-of@1");
			assertThat(opened.jsonString()).doesNotContain(AMBER_COMMUNITY).doesNotContain("test-amber-briefing");
		}
		String kept = as(null, open, "id", id).read("$.data.view.state.steps[0].vars");
		Map<String, Object> vars = QueryDocuments.JSON.readValue(kept, Map.class);
		assertThat(vars).isEqualTo(Map.of("group", "region:enlargement-countries"));
		// re-run as the viewer: the viewer's own answer, CLEAR items only
		DocumentContext rerun = JsonPath.parse(CatalogueIT.post(this.port, null,
				Map.of("documentId", "members-of@1", "variables", vars)).body());
		assertThat(rerun.<List<String>>read("$.data.actors.nodes[*].id")).isNotEmpty();
		assertThat(rerun.<List<String>>read("$.data.actors.nodes[*].tlp")).containsOnly("CLEAR");

		Map<String, Object> bad = Map.of("name", "bad", "marking", "CLEAR", "state", Map.of("steps", List.of(
				Map.of("op", "query", "doc", "a b"), Map.of("op", "query", "doc", "members-of", "vars", "[1]"),
				Map.of("op", "query", "doc", "members-of", "vars", "{nope"),
				Map.of("op", "query", "doc", "members-of", "vars", "{\"a\": ".repeat(9) + "1" + "}".repeat(9)))));
		DocumentContext refused = as(EDITOR, save, "input", bad);
		assertThat(classification(refused)).isEqualTo("BAD_REQUEST");
		assertThat(refused.<List<String>>read("$.errors[0].extensions.problems[*].field")).containsExactly(
				"input.state.steps[0].doc", "input.state.steps[1].vars", "input.state.steps[2].vars",
				"input.state.steps[3].vars");
		Map<String, Object> big = Map.of("name", "big", "marking", "CLEAR", "state", Map.of("steps", List.of(
				Map.of("op", "query", "doc", "members-of", "vars", "{\"x\": \"" + "y".repeat(1200) + "\"}"))));
		DocumentContext tooBig = as(EDITOR, save, "input", big);
		assertThat(classification(tooBig)).isEqualTo("BAD_REQUEST");
		assertThat(message(tooBig)).contains("input.state.steps[0].vars");
	}

	@Test
	void aViewStateIsCheckedStepByStep() {
		Map<String, Object> bad = Map.of("name", "bad", "marking", "CLEAR", "state", Map.of("steps",
				List.of(Map.of("op", "explode", "id", "org:ecso"), Map.of("op", "path", "from", "org:ecso"),
						Map.of("op", "expand", "id", "org:ecso", "limit", 900)),
				"asOf", "yesterday", "tab", "secrets"));
		DocumentContext answer = as(ANALYST, SAVE_VIEW, "input", bad);
		assertThat(classification(answer)).isEqualTo("BAD_REQUEST");
		assertThat(answer.<List<String>>read("$.errors[0].extensions.problems[*].field")).containsExactly(
				"input.state.steps[0].op", "input.state.steps[1]", "input.state.steps[2].limit", "input.state.asOf",
				"input.state.tab");
	}

}
