package org.partneratlas.editing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.GraphQl;
import org.partneratlas.support.TestNeo4j;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through the API, over HTTP, on the application's own copy of the curated graph (a Neo4j of its own, so
 * that edits never change what the read tests expect): who may write what at which marking, the rules every record
 * obeys, optimistic concurrency, and the audit trail that commits with each write and only with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditingIT {

	static final String CREATE = """
			mutation ($input: CreateNodeInput!) {
			  createNode(input: $input) { node { id label name tlp version kind description sources { sourceId locator } } }
			}""";

	static final String UPDATE = """
			mutation ($input: UpdateNodeInput!) {
			  updateNode(input: $input) { node { id name tlp version description acronym sources { sourceId locator } } }
			}""";

	static final String LINK = """
			mutation ($input: LinkInput!) { link(input: $input) { edge { id type from to role tlp version start } } }""";

	static final String UPDATE_LINK = """
			mutation ($input: UpdateLinkInput!) { updateLink(input: $input) { edge { id version start status } } }""";

	static final String UNLINK = """
			mutation ($input: UnlinkInput!) { unlink(input: $input) { id removed { id version } } }""";

	static final String NODE = "query ($id: ID!) { node(id: $id) { id name tlp version } }";

	static final String HISTORY = """
			query ($id: ID!) { history(id: $id) { by role action itemId version requestId reason
			  changes { key before after } } }""";

	static final List<Map<String, String>> CITE = List.of(Map.of("sourceId", "source:004", "locator", "2.1 Test"));

	static Driver database;

	@LocalServerPort
	int port;

	GraphQl anonymous;

	GraphQl editor;

	GraphQl greenEditor;

	GraphQl cscEditor;

	GraphQl admin;

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) throws Exception {
		registry.add("spring.neo4j.uri", TestNeo4j::editsBoltUri);
		registry.add("spring.neo4j.authentication.password", () -> "");
		java.nio.file.Path tokens = java.nio.file.Files.createTempFile("atlas-edit-tokens", ".yaml");
		try (var in = EditingIT.class.getResourceAsStream("/access/tokens.yaml")) {
			java.nio.file.Files.write(tokens, in.readAllBytes());
		}
		tokens.toFile().deleteOnExit();
		registry.add("atlas.access.tokens-file", tokens::toString);
	}

	@BeforeAll
	static void connect() {
		database = GraphDatabase.driver(TestNeo4j.editsBoltUri(), AuthTokens.none(),
				Config.builder().withoutEncryption().build());
	}

	@AfterAll
	static void disconnect() {
		database.close();
	}

	@BeforeEach
	void clients() {
		this.anonymous = new GraphQl(this.port);
		this.editor = this.anonymous.as("test-editor-ecso");
		this.greenEditor = this.anonymous.as("test-editor-green");
		this.cscEditor = this.anonymous.as("test-editor-csc");
		this.admin = this.anonymous.as("test-red-cleared");
	}

	static Map<String, Object> organisation(String name, String tlp) {
		Map<String, Object> input = new java.util.LinkedHashMap<>();
		input.put("label", "ORGANISATION");
		input.put("name", name);
		input.put("kind", "association");
		input.put("tlp", tlp);
		input.put("sources", CITE);
		return input;
	}

	static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	String create(GraphQl client, Map<String, Object> input) {
		DocumentContext answer = client.post(CREATE, "input", input);
		assertThat(errors(answer)).as(answer.jsonString()).isNull();
		return answer.read("$.data.createNode.node.id");
	}

	static long auditEvents() {
		try (var session = database.session()) {
			return session.run("MATCH (e:AuditEvent) RETURN count(e) AS n").single().get("n").asLong();
		}
	}

	static Object errors(DocumentContext answer) {
		return answer.read("$", Map.class).get("errors");
	}

	static String classification(DocumentContext answer) {
		return answer.read("$.errors[0].extensions.classification");
	}

	@Test
	void anEditorCreatesANodeThatReadsBackWithItsSourceMarkingAndVersion() {
		String name = unique("Atlas Test Alliance");
		DocumentContext answer = this.editor.post(CREATE, "input", organisation(name, "GREEN"));
		String id = answer.read("$.data.createNode.node.id");
		assertThat(id).startsWith("org:atlas-test-alliance-");
		assertThat(answer.read("$.data.createNode.node.version", Integer.class)).isEqualTo(1);
		assertThat(answer.read("$.data.createNode.node.tlp", String.class)).isEqualTo("GREEN");
		assertThat(answer.read("$.data.createNode.node.sources[0].locator", String.class)).isEqualTo("2.1 Test");
		assertThat(this.anonymous.post(NODE, "id", id).read("$.data.node", Object.class)).as("GREEN is not CLEAR").isNull();
		assertThat(this.anonymous.as("test-green").post(NODE, "id", id).read("$.data.node.name", String.class)).isEqualTo(name);
		assertThat(this.anonymous.as("test-green").post("query ($t: String!) { search(text: $t) { node { id } } }",
				"t", name).read("$.data.search[*].node.id", List.class)).contains(id);
	}

	@Test
	void theStoredPropertiesAreTheLoadersForTheSameRecord() {
		Map<String, Object> input = organisation(unique("Loader Parity"), "AMBER");
		input.put("start", "2024-05");
		input.put("aliases", List.of("LP"));
		String id = create(this.editor, input);
		try (var session = database.session()) {
			Map<String, Object> stored = session.run("MATCH (n:Entity {id: $id}) RETURN n", Map.of("id", id))
				.single().get("n").asNode().asMap();
			assertThat(stored).containsEntry("access", List.of("tlp:AMBER"))
				.containsEntry("tlpLevel", 2L)
				.containsEntry("startFrom", java.time.LocalDate.of(2024, 5, 1))
				.containsEntry("startTo", java.time.LocalDate.of(2024, 5, 31))
				.containsEntry("aliasText", "LP")
				.containsEntry("sourceIds", List.of("source:004"))
				.containsEntry("version", 1L);
			assertThat(stored.get("access")).isEqualTo(Visibility.accessOf(Tlp.AMBER, null, List.of()));
		}
	}

	@Test
	void aRefusedInputSaysEveryProblemAndWritesNothing() {
		long events = auditEvents();
		Map<String, Object> input = organisation(unique("Broken"), "GREEN");
		input.put("kind", "club");
		input.put("start", "2024-13");
		input.put("sector", "military");
		input.put("sources", List.of(Map.of("sourceId", "source:999", "locator", "p. 1")));
		DocumentContext answer = this.editor.post(CREATE, "input", input);
		assertThat(classification(answer)).isEqualTo("BAD_REQUEST");
		List<String> fields = answer.read("$.errors[0].extensions.problems[*].field", List.class);
		assertThat(fields).containsExactlyInAnyOrder("input.kind", "input.start", "input.sector", "input.sources");
		assertThat(answer.read("$.errors[0].message", String.class)).contains("unknown kind 'club'")
			.contains("bad date '2024-13'")
			.contains("source '999'");
		assertThat(answer.read("$.data", Object.class)).isNull();
		assertThat(auditEvents()).isEqualTo(events);
		assertThat(this.editor.post("query ($t: String!) { search(text: $t) { node { id } } }", "t", "Broken")
			.read("$.data.search", List.class)).isEmpty();
	}

	@Test
	void aCitationIsRequiredOnEveryWrite() {
		Map<String, Object> input = organisation(unique("Uncited"), "GREEN");
		input.put("sources", List.of());
		DocumentContext answer = this.editor.post(CREATE, "input", input);
		assertThat(classification(answer)).isEqualTo("BAD_REQUEST");
		assertThat(answer.read("$.errors[0].extensions.problems[0].field", String.class)).isEqualTo("input.sources");
		String id = create(this.editor, organisation(unique("Cited"), "GREEN"));
		DocumentContext update = this.editor.post(UPDATE, "input",
				Map.of("id", id, "version", 1, "acronym", "CIT", "sources", List.of()));
		assertThat(classification(update)).isEqualTo("BAD_REQUEST");
		assertThat(update.read("$.errors[0].message", String.class)).contains("cites at least one source");
	}

	@Test
	void onlyEditorsAndAdminsWrite() {
		long events = auditEvents();
		Map<String, Object> input = organisation(unique("Not Allowed"), "CLEAR");
		assertThat(classification(this.anonymous.post(CREATE, "input", input))).isEqualTo("UNAUTHORIZED");
		assertThat(classification(this.anonymous.as("test-green").post(CREATE, "input", input))).isEqualTo("FORBIDDEN");
		assertThat(classification(this.anonymous.as("test-csc-member").post(CREATE, "input", input))).isEqualTo("FORBIDDEN");
		assertThat(this.anonymous.as("test-amber").post(CREATE, "input", input).read("$.errors[0].message", String.class))
			.isEqualTo("Writes need the editor or admin role; you are analyst");
		assertThat(auditEvents()).isEqualTo(events);
	}

	@Test
	void anEditorWritesNothingAboveTheirClearanceNorWhatTheyCouldNotSee() {
		DocumentContext above = this.greenEditor.post(CREATE, "input", organisation(unique("Too High"), "AMBER"));
		assertThat(classification(above)).isEqualTo("FORBIDDEN");
		assertThat(above.read("$.errors[0].message", String.class))
			.isEqualTo("You are cleared up to GREEN and may not write data marked AMBER");
		Map<String, Object> strict = organisation(unique("Strict Other"), "AMBER_STRICT");
		strict.put("owner", "org:someone-else");
		assertThat(this.editor.post(CREATE, "input", strict).read("$.errors[0].message", String.class))
			.startsWith("AMBER+STRICT data is seen by its owner's members only");
		Map<String, Object> red = organisation(unique("Red Elsewhere"), "RED");
		red.put("recipients", List.of("group:other"));
		assertThat(classification(this.cscEditor.post(CREATE, "input", red))).isEqualTo("FORBIDDEN");
		Map<String, Object> missingOwner = organisation(unique("Strict No Owner"), "AMBER_STRICT");
		assertThat(this.editor.post(CREATE, "input", missingOwner).read("$.errors[0].extensions.problems[0].reason",
				String.class)).startsWith("AMBER+STRICT needs an 'owner'");
	}

	@Test
	void strictAndRedWritesReachExactlyTheirOwnerAndRecipients() {
		Map<String, Object> strict = organisation(unique("Strict Own"), "AMBER_STRICT");
		strict.put("owner", "org:ecso");
		String strictId = create(this.editor, strict);
		assertThat(this.editor.post(NODE, "id", strictId).read("$.data.node.tlp", String.class)).isEqualTo("AMBER_STRICT");
		assertThat(this.anonymous.as("test-amber").post(NODE, "id", strictId).read("$.data.node", Object.class)).isNull();
		Map<String, Object> red = organisation(unique("Red Csc"), "RED");
		red.put("recipients", List.of("community:creis-csc"));
		String redId = create(this.cscEditor, red);
		assertThat(this.anonymous.as("test-csc-member").post(NODE, "id", redId).read("$.data.node.id", String.class))
			.isEqualTo(redId);
		assertThat(this.admin.post(NODE, "id", redId).read("$.data.node", Object.class)).as("RED never by role").isNull();
	}

	@Test
	void loweringAMarkingNeedsTheAdminRoleRaisingItDoesNot() {
		String id = create(this.editor, organisation(unique("Lowered"), "AMBER"));
		DocumentContext lowered = this.editor.post(UPDATE, "input",
				Map.of("id", id, "version", 1, "tlp", "GREEN", "sources", CITE));
		assertThat(classification(lowered)).isEqualTo("FORBIDDEN");
		assertThat(lowered.read("$.errors[0].message", String.class))
			.isEqualTo("Lowering a marking (AMBER to GREEN) needs the admin role");
		assertThat(this.editor.post(NODE, "id", id).read("$.data.node.version", Integer.class)).isEqualTo(1);
		DocumentContext byAdmin = this.admin.post(UPDATE, "input",
				Map.of("id", id, "version", 1, "tlp", "GREEN", "sources", CITE));
		assertThat(byAdmin.read("$.data.updateNode.node.tlp", String.class)).isEqualTo("GREEN");
		int v2 = byAdmin.read("$.data.updateNode.node.version", Integer.class);
		assertThat(v2).isNotEqualTo(1);
		DocumentContext raised = this.editor.post(UPDATE, "input",
				Map.of("id", id, "version", v2, "tlp", "AMBER", "sources", CITE));
		assertThat(raised.read("$.data.updateNode.node.tlp", String.class)).isEqualTo("AMBER");
		DocumentContext widened = this.cscEditor.post(UPDATE, "input", Map.of("id", id, "version",
				raised.read("$.data.updateNode.node.version", Integer.class), "tlp", "RED",
				"recipients", List.of("community:creis-csc"), "sources", CITE));
		assertThat(widened.read("$.data.updateNode.node.tlp", String.class)).isEqualTo("RED");
		DocumentContext moreRecipients = this.cscEditor.post(UPDATE, "input", Map.of("id", id, "version",
				widened.read("$.data.updateNode.node.version", Integer.class),
				"recipients", List.of("community:creis-csc", "group:press"), "sources", CITE));
		assertThat(moreRecipients.read("$.errors[0].message", String.class)).startsWith("Lowering a marking (RED for");
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() {
		String id = create(this.editor, organisation(unique("Versioned"), "GREEN"));
		DocumentContext first = this.editor.post(UPDATE, "input",
				Map.of("id", id, "version", 1, "description", "first", "sources", CITE));
		int v2 = first.read("$.data.updateNode.node.version", Integer.class);
		assertThat(v2).isGreaterThan(1);
		DocumentContext stale = this.greenEditor.post(UPDATE, "input",
				Map.of("id", id, "version", 1, "description", "second", "sources", CITE));
		assertThat(classification(stale)).isEqualTo("CONFLICT");
		assertThat(stale.read("$.errors[0].extensions.currentVersion", Integer.class)).isEqualTo(v2);
		assertThat(stale.read("$.errors[0].message", String.class)).contains("you read version 1, it is at version " + v2);
		assertThat(this.editor.post("query ($id: ID!) { node(id: $id) { description version } }", "id", id)
			.read("$.data.node", Map.class)).isEqualTo(Map.of("description", "first", "version", v2));
		assertThat(this.editor.post(HISTORY, "id", id).read("$.data.history[*].action", List.class))
			.containsExactly("UPDATED", "CREATED");
	}

	@Test
	void ofConcurrentUpdatesFromOneVersionExactlyOneCommits() throws Exception {
		String id = create(this.editor, organisation(unique("Raced"), "GREEN"));
		int writers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Callable<DocumentContext>> tasks = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				String description = "writer " + i;
				tasks.add(() -> this.editor.post(UPDATE, "input",
						Map.of("id", id, "version", 1, "description", description, "sources", CITE)));
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<DocumentContext> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
				DocumentContext answer = f.get();
				outcomes.add((errors(answer) == null) ? "OK" : classification(answer));
			}
			assertThat(outcomes).containsOnly("OK", "CONFLICT").filteredOn("OK"::equals).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		int now = this.editor.post(NODE, "id", id).read("$.data.node.version", Integer.class);
		assertThat(now).isGreaterThan(1);
		assertThat(this.editor.post(HISTORY, "id", id).read("$.data.history[*].version", List.class))
			.containsExactly(now, 1);
	}

	@Test
	void anUpdateKeepsLeftOutFieldsClearsNullOnesAndAddsItsCitations() {
		Map<String, Object> input = organisation(unique("Patched"), "GREEN");
		input.put("description", "to be cleared");
		input.put("acronym", "PTC");
		String id = create(this.editor, input);
		Map<String, Object> update = new java.util.HashMap<>();
		update.put("id", id);
		update.put("version", 1);
		update.put("description", null);
		update.put("sources", List.of(Map.of("sourceId", "003", "locator", "Members")));
		DocumentContext answer = this.editor.post(UPDATE, "input", update);
		assertThat(answer.read("$.data.updateNode.node.description", Object.class)).isNull();
		assertThat(answer.read("$.data.updateNode.node.acronym", String.class)).isEqualTo("PTC");
		assertThat(answer.read("$.data.updateNode.node.sources[*].sourceId", List.class))
			.containsExactly("source:004", "source:003");
		List<Map<String, Object>> changes = this.editor.post(HISTORY, "id", id).read("$.data.history[0].changes", List.class);
		assertThat(changes).extracting((c) -> c.get("key")).containsExactly("description", "sources");
		assertThat(changes.get(0)).containsEntry("before", List.of("to be cleared")).containsEntry("after", List.of());
		Map<String, Object> clearName = new java.util.HashMap<>(Map.of("id", id, "version",
				answer.read("$.data.updateNode.node.version", Integer.class), "sources", CITE));
		clearName.put("name", null);
		assertThat(this.editor.post(UPDATE, "input", clearName).read("$.errors[0].extensions.problems[0]", Map.class))
			.isEqualTo(Map.of("field", "input.name", "reason", "'name' cannot be cleared"));
	}

	@Test
	void hiddenAndMissingItemsAreRefusedAlike() {
		String hidden = "community:creis-csc";
		String missing = "community:creis-nothing";
		String hiddenAnswer = this.editor.raw(UPDATE, "input", Map.of("id", hidden, "version", 1, "sources", CITE))
			.body();
		String missingAnswer = this.editor.raw(UPDATE, "input", Map.of("id", missing, "version", 1, "sources", CITE))
			.body();
		assertThat(hiddenAnswer).contains("NOT_FOUND").isEqualTo(missingAnswer.replace(missing, hidden));
		String org = create(this.editor, organisation(unique("Linker"), "GREEN"));
		String hiddenLink = this.editor.raw(LINK, "input", Map.of("from", org, "type", "MEMBER_OF", "to", hidden,
				"tlp", "GREEN", "sources", CITE)).body();
		String missingLink = this.editor.raw(LINK, "input", Map.of("from", org, "type", "MEMBER_OF", "to", missing,
				"tlp", "GREEN", "sources", CITE)).body();
		assertThat(hiddenLink).contains("NOT_FOUND").isEqualTo(missingLink.replace(missing, hidden));
		String hiddenHistory = this.editor.raw(HISTORY, "id", hidden).body();
		assertThat(hiddenHistory).contains("NOT_FOUND")
			.isEqualTo(this.editor.raw(HISTORY, "id", missing).body().replace(missing, hidden));
	}

	/**
	 * "No changes" is an answer only about an item the caller may see: an unknown id is a wrong question, and a
	 * hidden item, edited or not, answers exactly as an unknown one.
	 */
	@Test
	void historySaysNotFoundForAnUnknownOrHiddenItemAndNoChangesOnlyForAVisibleOne() {
		// visible and never edited: the seeded node and one of its seeded ties have no changes, and that is no error
		DocumentContext ties = this.editor.post("query ($id: ID!) { neighbourhood(id: $id) { edges { id } } }", "id",
				"country:IN");
		List<String> tieIds = ties.read("$.data.neighbourhood.edges[*].id", List.class);
		assertThat(tieIds).isNotEmpty();
		for (String id : List.of("country:IN", tieIds.get(0))) {
			DocumentContext seeded = this.editor.post(HISTORY, "id", id);
			assertThat(errors(seeded)).as(id + ": " + seeded.jsonString()).isNull();
			assertThat(seeded.read("$.data.history", List.class)).isNotNull();
		}
		// hidden and edited: a RED tie and node made by the CSC editor, with events the GREEN editor may not see
		String org = create(this.cscEditor, organisation(unique("History Org"), "GREEN"));
		String secret = create(this.cscEditor, organisation(unique("History Secret"), "AMBER"));
		String net = create(this.cscEditor, organisation(unique("History Net"), "GREEN"));
		String redTie = this.cscEditor.post(LINK, "input", Map.of("from", org, "type", "MEMBER_OF", "to", net, "tlp",
				"RED", "recipients", List.of("community:creis-csc"), "sources", CITE)).read("$.data.link.edge.id");
		assertThat(this.cscEditor.post(HISTORY, "id", redTie).read("$.data.history[*].action", List.class))
			.containsExactly("LINKED");
		for (String hidden : List.of(redTie, secret)) {
			String missing = hidden.contains("~") ? hidden.substring(0, hidden.lastIndexOf('~')) + "~zzzzzz"
					: hidden + "-nothing";
			String hiddenAnswer = this.greenEditor.raw(HISTORY, "id", hidden).body();
			assertThat(hiddenAnswer).as(hidden).contains("NOT_FOUND").doesNotContain("\"history\":[");
			assertThat(hiddenAnswer)
				.isEqualTo(this.greenEditor.raw(HISTORY, "id", missing).body().replace(missing, hidden));
		}
		// an id that names nothing in any form
		assertThat(this.greenEditor.raw(HISTORY, "id", "no such thing").body()).contains("NOT_FOUND");
	}

	/**
	 * Analytics answers are kept between requests (see {@code AnalyticsCache}): an edit must make them stale at once,
	 * for the editor and for everyone else who asked.
	 */
	@Test
	void anEditChangesTheNextAnalyticsAnswerAtOnce() {
		String org = create(this.editor, organisation(unique("Cache Probe Org"), "GREEN"));
		Map<String, Object> network = organisation(unique("Cache Probe Network"), "GREEN");
		network.put("kind", "network");
		String net = create(this.editor, network);
		String degree = "{ communities(labels: [ORGANISATION], minSize: 1) { communities { members { id } } } }";
		String ids = "$.data.communities.communities[*].members[*].id";
		java.util.function.Supplier<List<String>> members = () -> {
			DocumentContext answer = this.greenEditor.post(degree);
			assertThat(errors(answer)).as(answer.jsonString()).isNull();
			return answer.read(ids);
		};
		List<String> before = members.get();
		assertThat(before).doesNotContain(org, net);
		// asked twice: the second answer is the kept one
		assertThat(members.get()).isEqualTo(before);
		DocumentContext linked = this.editor.post(LINK, "input", Map.of("from", org, "type", "MEMBER_OF", "to", net,
				"role", "member", "tlp", "GREEN", "sources", CITE));
		assertThat(errors(linked)).as(linked.jsonString()).isNull();
		List<String> after = members.get();
		assertThat(after).contains(org, net);
		DocumentContext unlinked = this.editor.post(UNLINK, "input",
				Map.of("id", linked.read("$.data.link.edge.id"), "version", 1, "reason", "cache probe done"));
		assertThat(errors(unlinked)).as(unlinked.jsonString()).isNull();
		assertThat(members.get()).doesNotContain(org, net);
	}

	@Test
	void linkUpdateLinkAndUnlinkAreCheckedVersionedAndAudited() {
		String org = create(this.editor, organisation(unique("Member Org"), "GREEN"));
		Map<String, Object> network = organisation(unique("Test Network"), "GREEN");
		network.put("kind", "network");
		String net = create(this.editor, network);
		DocumentContext linked = this.editor.withHeader("X-Request-Id", "req-link-1").post(LINK, "input",
				Map.of("from", org, "type", "MEMBER_OF", "to", net, "role", "founder", "tlp", "GREEN", "start", "2023",
						"sources", CITE));
		String tie = linked.read("$.data.link.edge.id");
		assertThat(tie).matches(java.util.regex.Pattern.quote(org + "-MEMBER_OF->" + net + "#founder") + "~[a-z0-9]{6}");
		assertThat(linked.read("$.data.link.edge.version", Integer.class)).isEqualTo(1);
		assertThat(classification(this.editor.post(LINK, "input", Map.of("from", org, "type", "MEMBER_OF", "to", net,
				"role", "founder", "tlp", "GREEN", "sources", CITE)))).isEqualTo("CONFLICT");
		DocumentContext wrongEnds = this.editor.post(LINK, "input",
				Map.of("from", org, "type", "LANDS_IN", "to", net, "tlp", "GREEN", "sources", CITE));
		assertThat(wrongEnds.read("$.errors[0].extensions.problems[0].reason", String.class))
			.startsWith("LANDS_IN cannot go from Organisation to Organisation");
		DocumentContext updated = this.editor.post(UPDATE_LINK, "input",
				Map.of("id", tie, "version", 1, "start", "2022", "status", "ended", "sources", CITE));
		int v2 = updated.read("$.data.updateLink.edge.version", Integer.class);
		assertThat(updated.read("$.data.updateLink.edge", Map.class))
			.isEqualTo(Map.of("id", tie, "version", v2, "start", "2022", "status", "ended"));
		assertThat(classification(this.editor.post(UNLINK, "input", Map.of("id", tie, "version", 1, "reason", "x"))))
			.isEqualTo("CONFLICT");
		assertThat(classification(this.editor.post(UNLINK, "input", Map.of("id", tie, "version", v2, "reason", " "))))
			.isEqualTo("BAD_REQUEST");
		DocumentContext unlinked = this.editor.post(UNLINK, "input",
				Map.of("id", tie, "version", v2, "reason", "entered against the wrong network"));
		assertThat(unlinked.read("$.data.unlink.id", String.class)).isEqualTo(tie);
		assertThat(this.editor.post("query ($id: ID!) { neighbourhood(id: $id) { edges { id } } }", "id", org)
			.read("$.data.neighbourhood.edges[*].id", List.class)).doesNotContain(tie);
		DocumentContext history = this.editor.post(HISTORY, "id", org);
		assertThat(history.read("$.data.history[*].action", List.class))
			.containsExactly("UNLINKED", "UPDATED", "LINKED", "CREATED");
		// a removed tie is gone from the graph, not from the record: its own history still answers
		assertThat(this.editor.post(HISTORY, "id", tie).read("$.data.history[*].action", List.class))
			.containsExactly("UNLINKED", "UPDATED", "LINKED");
		assertThat(history.read("$.data.history[0].reason", String.class)).isEqualTo("entered against the wrong network");
		assertThat(history.read("$.data.history[2].requestId", String.class)).isEqualTo("req-link-1");
		assertThat(history.read("$.data.history[2].by", String.class)).isEqualTo("editor-ecso");
		assertThat(history.read("$.data.history[2].role", String.class)).isEqualTo("editor");
	}

	@Test
	void aTieHiddenFromTheEditorNeverBlocksNorRevealsItself() {
		String org = create(this.cscEditor, organisation(unique("Shared Org"), "GREEN"));
		Map<String, Object> network = organisation(unique("Shared Network"), "GREEN");
		network.put("kind", "network");
		String net = create(this.cscEditor, network);
		DocumentContext red = this.cscEditor.post(LINK, "input", Map.of("from", org, "type", "MEMBER_OF", "to", net,
				"tlp", "RED", "recipients", List.of("community:creis-csc"), "sources", CITE));
		String redTie = red.read("$.data.link.edge.id");
		DocumentContext green = this.greenEditor.post(LINK, "input",
				Map.of("from", org, "type", "MEMBER_OF", "to", net, "tlp", "GREEN", "sources", CITE));
		assertThat(errors(green)).as(green.jsonString()).isNull();
		String greenTie = green.read("$.data.link.edge.id", String.class);
		// the same form as any made tie id: nothing tells that a hidden tie holds these ends, type and role
		String plain = org + "-MEMBER_OF->" + net;
		assertThat(redTie).matches(java.util.regex.Pattern.quote(plain) + "~[a-z0-9]{6}");
		assertThat(greenTie).matches(java.util.regex.Pattern.quote(plain) + "~[a-z0-9]{6}").isNotEqualTo(redTie);
		assertThat(this.greenEditor.post(HISTORY, "id", org).read("$.data.history[*].itemId", List.class))
			.doesNotContain(redTie)
			.contains(greenTie);
		assertThat(this.cscEditor.post(HISTORY, "id", org).read("$.data.history[*].itemId", List.class))
			.contains(redTie, greenTie);
	}

	@Test
	void aMadeNodeIdSaysNothingOfAHiddenNodeWithTheSameName() {
		String name = unique("Twin Name");
		String slug = "org:" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		Map<String, Object> red = organisation(name, "RED");
		red.put("recipients", List.of("community:creis-csc"));
		String hidden = create(this.cscEditor, red);
		String seen = create(this.greenEditor, organisation(name, "GREEN"));
		String alone = create(this.greenEditor, organisation(unique("Lone Name"), "GREEN"));
		String form = "[a-z]+:[a-z0-9-]+-[a-z0-9]{6}";
		assertThat(List.of(hidden, seen, alone)).allMatch((id) -> id.matches(form));
		assertThat(seen).startsWith(slug + "-").isNotEqualTo(hidden);
		assertThat(hidden).startsWith(slug + "-");
	}

	@Test
	void aCallerWhoCouldNotSeeSomeStatesGetsAVersionAndHistoryThatAgreeAndCountNothing() {
		GraphQl viewer = this.anonymous.as("test-green");
		String seenHistory = """
				query ($id: ID!) { history(id: $id) { action version earlierHidden changes { key before after } } }""";
		List<String> shapes = new ArrayList<>();
		for (int hiddenEdits : new int[] { 0, 3 }) {
			String id = create(this.editor, organisation(unique("Hidden A While"), "GREEN"));
			int v = update(this.editor, id, 1, Map.of("tlp", "AMBER"));
			for (int i = 0; i < hiddenEdits; i++) {
				v = update(this.editor, id, v, Map.of("description", "secret " + i));
			}
			v = update(this.admin, id, v, Map.of("tlp", "GREEN"));
			int seen = viewer.post(NODE + "", "id", id).read("$.data.node.version", Integer.class);
			assertThat(seen).isEqualTo(v);
			DocumentContext history = viewer.post(seenHistory, "id", id);
			assertThat(history.read("$.data.history[0].version", Integer.class))
				.as("the newest event the viewer sees carries the version the viewer sees").isEqualTo(seen);
			assertThat(history.read("$.data.history[0].earlierHidden", Boolean.class)).isTrue();
			assertThat(history.read("$.data.history[0].changes", List.class)).isEmpty();
			assertThat(history.jsonString()).doesNotContain("secret", "AMBER");
			shapes.add(history.read("$.data.history[*].action") + " " + history.read("$.data.history[*].earlierHidden")
					+ " " + history.read("$.data.history[0].changes"));
		}
		assertThat(shapes.get(1)).as("three hidden edits or none: the viewer cannot tell").isEqualTo(shapes.get(0));
	}

	/** Updates a node from a version; the version after. */
	int update(GraphQl who, String id, int version, Map<String, Object> fields) {
		Map<String, Object> input = new java.util.HashMap<>(fields);
		input.put("id", id);
		input.put("version", version);
		input.put("sources", CITE);
		DocumentContext answer = who.post(UPDATE, "input", input);
		assertThat(errors(answer)).as(answer.jsonString()).isNull();
		return answer.read("$.data.updateNode.node.version", Integer.class);
	}

	@Test
	void historyShowsOnlyWhatTheCallerMaySeeNowAndThen() {
		String id = create(this.editor, organisation(unique("Raised Later"), "GREEN"));
		GraphQl greenAnalyst = this.anonymous.as("test-green");
		assertThat(greenAnalyst.post(HISTORY, "id", id).read("$.data.history[*].action", List.class))
			.containsExactly("CREATED");
		this.editor.post(UPDATE, "input", Map.of("id", id, "version", 1, "tlp", "AMBER", "description", "secret",
				"sources", CITE));
		String unknown = id + "-nothing";
		assertThat(greenAnalyst.raw(HISTORY, "id", id).body()).as("hidden now: no history at all, as for an unknown id")
			.contains("NOT_FOUND")
			.isEqualTo(greenAnalyst.raw(HISTORY, "id", unknown).body().replace(unknown, id));
		assertThat(this.anonymous.as("test-amber").post(HISTORY, "id", id).read("$.data.history[*].action", List.class))
			.containsExactly("UPDATED", "CREATED");
		assertThat(this.anonymous.raw(HISTORY, "id", id).body()).contains("NOT_FOUND")
			.isEqualTo(this.anonymous.raw(HISTORY, "id", unknown).body().replace(unknown, id));
	}

	@Test
	void aCountryIsUpdatedNotCreatedAndKeepsItsReferenceCitation() {
		DocumentContext created = this.editor.post(CREATE, "input", Map.of("label", "COUNTRY", "name", "Atlantis",
				"tlp", "CLEAR", "sources", CITE));
		assertThat(created.read("$.errors[0].message", String.class)).startsWith("Every ISO 3166 country exists already");
		int version = this.editor.post(NODE, "id", "country:AQ").read("$.data.node.version", Integer.class);
		DocumentContext updated = this.editor.post(
				"mutation ($input: UpdateNodeInput!) { updateNode(input: $input) { node { ... on Country { euStatus iso3 version sources { sourceId } } } } }",
				"input", Map.of("id", "country:AQ", "version", version, "euStatus", "other", "sources", CITE));
		assertThat(updated.read("$.data.updateNode.node.euStatus", String.class)).isEqualTo("other");
		assertThat(updated.read("$.data.updateNode.node.iso3", String.class)).isEqualTo("ATA");
		assertThat(updated.read("$.data.updateNode.node.sources[*].sourceId", List.class))
			.containsExactly("source:iso3166", "source:004");
	}

	@Test
	void theRequestIdRunsFromTheHeaderToTheAuditTrailAndBack() {
		HttpResponse<String> response = this.editor.withHeader("X-Request-Id", "gateway-42")
			.raw(CREATE, "input", organisation(unique("Traced"), "GREEN"));
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("gateway-42");
		String id = com.jayway.jsonpath.JsonPath.read(response.body(), "$.data.createNode.node.id");
		assertThat(this.editor.post(HISTORY, "id", id).read("$.data.history[0].requestId", String.class))
			.isEqualTo("gateway-42");
		HttpResponse<String> made = this.editor.withHeader("X-Request-Id", "not ok; drop table")
			.raw(NODE, "id", id);
		assertThat(made.headers().firstValue("X-Request-Id")).get().asString().matches("[0-9a-f-]{36}");
	}

	@Test
	void hostileTextInEveryStringFieldOfAWriteIsRefusedOrStoredNeverRunAsCypher() {
		List<String> pieces = List.of("'", "\"", "`", "\\", "$", "{", "}", ")", "]", ":", "//", "/*", "MATCH (n) DETACH DELETE n",
				"} RETURN n //", "' OR 1=1 --", "\u0000", "\n", "中", "😀", "org:ecso", "source:004", "x".repeat(150));
		java.util.Random random = new java.util.Random(20261124);
		String anchor = create(this.editor, organisation(unique("Fuzz Anchor"), "GREEN"));
		long nodes = count("MATCH (n:Entity) RETURN count(n) AS n");
		int created = 0;
		for (int round = 0; round < 20; round++) {
			StringBuilder text = new StringBuilder();
			for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
				text.append(pieces.get(random.nextInt(pieces.size())));
			}
			String s = text.toString();
			Map<String, Object> input = organisation(s, "GREEN");
			input.put("kind", s);
			input.put("description", s);
			input.put("aliases", List.of(s));
			input.put("sources", List.of(Map.of("sourceId", s, "locator", s)));
			List<DocumentContext> answers = new ArrayList<>();
			answers.add(this.editor.post(CREATE, "input", input));
			Map<String, Object> named = organisation(s, "GREEN");
			named.put("id", "org:" + s);
			named.put("sources", List.of(Map.of("sourceId", "source:004", "locator", s)));
			DocumentContext plain = this.editor.post(CREATE, "input", organisation(s, "GREEN"));
			created += (errors(plain) == null) ? 1 : 0;
			answers.add(plain);
			answers.add(this.editor.post(CREATE, "input", named));
			answers.add(this.editor.post(LINK, "input", Map.of("from", anchor, "type", "COOPERATES_WITH", "to", s,
					"role", s, "tlp", "GREEN", "sources", CITE)));
			answers.add(this.editor.post(UPDATE, "input", Map.of("id", s, "version", 1, "sources", CITE)));
			answers.add(this.editor.post(UNLINK, "input", Map.of("id", s, "version", 1, "reason", s)));
			answers.add(this.editor.post(HISTORY, "id", s));
			for (DocumentContext answer : answers) {
				List<String> classes = answer.read("$..classification", List.class);
				assertThat(classes).as("%s with %s", answer.jsonString(), s).doesNotContain("INTERNAL_ERROR");
			}
		}
		assertThat(created).as("a name is free text: every plain create with a hostile name is stored").isEqualTo(20);
		assertThat(count("MATCH (n:Entity) RETURN count(n) AS n")).isEqualTo(nodes + created);
	}

	static long count(String cypher) {
		try (var session = database.session()) {
			return session.run(cypher).single().get("n").asLong();
		}
	}

	@Test
	void auditEventsAreNeverEntitiesSoNoReadButHistoryShowsThem() {
		create(this.editor, organisation(unique("Audited"), "CLEAR"));
		try (var session = database.session()) {
			assertThat(session.run("MATCH (e:AuditEvent) WHERE e:Entity OR e:Actor RETURN count(e) AS n")
				.single().get("n").asLong()).isZero();
		}
	}

}
