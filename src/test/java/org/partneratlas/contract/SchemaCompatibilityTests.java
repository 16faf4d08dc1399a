package org.partneratlas.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaking-change check, held to each kind of change a client can be broken by (and to the ones it cannot), and
 * the committed schema held to the last released one. The build fails here, naming each element, when a change to
 * {@code schema/partner-atlas.graphqls} would break a client of the release in {@code schema/released/}.
 */
class SchemaCompatibilityTests {

	static final String BASE = """
			scalar Date
			interface Node { id: ID! }
			type Query {
			  node(id: ID!): Node
			  actors(first: Int = 10, after: String, filter: ActorFilter): [Actor!]!
			  count: Int!
			  old: String @deprecated(reason: "use count")
			  legacy(mode: String @deprecated(reason: "ignored")): String
			  when: Date
			  search(text: String!): [Hit]
			}
			type Actor implements Node { id: ID! name: String! tags: [String!] }
			type Cable implements Node { id: ID! }
			union Hit = Actor | Cable
			input ActorFilter { labels: [Label!] kind: String sector: String @deprecated(reason: "use kind") }
			enum Label { COUNTRY REGION AGENCY @deprecated(reason: "use ORGANISATION") ORGANISATION }
			""";

	static List<String> breaking(String current) {
		return SchemaCompatibility.breakingChanges(BASE, current).stream().map(Object::toString).toList();
	}

	/** The baseline with one text replaced (which must be there). */
	static String with(String from, String to) {
		assertThat(BASE).contains(from);
		return BASE.replace(from, to);
	}

	@Test
	void theSameSchemaBreaksNothing() {
		assertThat(breaking(BASE)).isEmpty();
	}

	@Test
	void additionsBreakNothing() {
		String more = with("count: Int!", "count: Int!\n  added(optional: Int, withDefault: Int! = 3): [Actor]")
			.replace("tags: [String!] }", "tags: [String!] since: Date }")
			.replace("sector: String @deprecated(reason: \"use kind\") }",
					"sector: String @deprecated(reason: \"use kind\") region: String max: Int! = 5 }")
			.replace("ORGANISATION }", "ORGANISATION COMMUNITY }")
			.replace("union Hit = Actor | Cable", "union Hit = Actor | Cable | Topic\ntype Topic { id: ID! }")
			.replace("search(text: String!)", "search(text: String!, labels: [Label!])");
		assertThat(breaking(more)).isEmpty();
	}

	@Test
	void tighteningAnOutputOrLooseningAnInputBreaksNothing() {
		String changed = with("when: Date", "when: Date!").replace("search(text: String!)", "search(text: String)")
			.replace("tags: [String!]", "tags: [String!]!")
			.replace("after: String,", "after: String = \"\",");
		assertThat(breaking(changed)).isEmpty();
	}

	@Test
	void removingOrRenamingAFieldBreaksAndIsNamed() {
		assertThat(breaking(with("count: Int!", ""))).containsExactly("Query.count: field removed without being deprecated first");
		assertThat(breaking(with("name: String!", "title: String!")))
			.containsExactly("Actor.name: field removed without being deprecated first");
	}

	@Test
	void aDeprecatedElementMayGo() {
		String gone = with("old: String @deprecated(reason: \"use count\")", "")
			.replace("mode: String @deprecated(reason: \"ignored\")", "")
			.replace("sector: String @deprecated(reason: \"use kind\")", "")
			.replace("AGENCY @deprecated(reason: \"use ORGANISATION\")", "")
			.replace("legacy(): String", "legacy: String");
		assertThat(breaking(gone)).isEmpty();
		// and changing a deprecated field's type is allowed too
		assertThat(breaking(with("old: String @deprecated(reason: \"use count\")", "old: Int"))).isEmpty();
	}

	@Test
	void deprecatingNowDoesNotAllowRemovingNow() {
		// the baseline is what clients were told: a field deprecated only in the new schema is still there for them
		assertThat(breaking(with("count: Int!", ""))).isNotEmpty();
	}

	@Test
	void aNonNullOutputBecomingNullableBreaks() {
		assertThat(breaking(with("count: Int!", "count: Int")))
			.containsExactly("Query.count: type changed from Int! to Int (a non-null output became nullable)");
		assertThat(breaking(with("tags: [String!]", "tags: [String]")))
			.containsExactly("Actor.tags: type changed from [String!] to [String]");
	}

	@Test
	void anOutputChangingTypeOrListnessBreaks() {
		assertThat(breaking(with("when: Date", "when: String"))).containsExactly("Query.when: type changed from Date to String");
		assertThat(breaking(with("when: Date", "when: [Date]"))).containsExactly("Query.when: type changed from Date to [Date]");
		assertThat(breaking(with("tags: [String!]", "tags: String"))).singleElement().asString().startsWith("Actor.tags:");
	}

	@Test
	void removingAnArgumentOrAnInputFieldOrAnEnumValueBreaks() {
		assertThat(breaking(with("after: String, ", ""))).containsExactly(
				"Query.actors(after:): argument removed without being deprecated first");
		assertThat(breaking(with("kind: String ", ""))).containsExactly(
				"ActorFilter.kind: input field removed without being deprecated first");
		assertThat(breaking(with("REGION ", ""))).containsExactly(
				"Label.REGION: enum value removed without being deprecated first");
	}

	@Test
	void anArgumentOrInputFieldBecomingRequiredBreaks() {
		assertThat(breaking(with("after: String,", "after: String!,")))
			.containsExactly("Query.actors(after:): became required: String -> String!");
		assertThat(breaking(with("kind: String ", "kind: String! ")))
			.containsExactly("ActorFilter.kind: became required: String -> String!");
		// non-null with a default is still optional
		assertThat(breaking(with("after: String,", "after: String! = \"\",")) ).isEmpty();
	}

	@Test
	void aNewRequiredArgumentOrInputFieldBreaks() {
		assertThat(breaking(with("search(text: String!)", "search(text: String!, first: Int!)")))
			.containsExactly("Query.search(first:): new required argument (non-null, no default)");
		assertThat(breaking(with("kind: String ", "kind: String owner: ID! ")))
			.containsExactly("ActorFilter.owner: new required input field (non-null, no default)");
	}

	@Test
	void anArgumentOrInputFieldChangingTypeBreaks() {
		assertThat(breaking(with("first: Int = 10", "first: String = \"10\"")))
			.containsExactly("Query.actors(first:): type changed from Int to String");
		assertThat(breaking(with("labels: [Label!]", "labels: Label")))
			.containsExactly("ActorFilter.labels: type changed from [Label!] to Label");
		assertThat(breaking(with("labels: [Label!]", "labels: [String!]")))
			.containsExactly("ActorFilter.labels: type changed from [Label!] to [String!]");
	}

	@Test
	void removingATypeOrAUnionMemberOrAnInterfaceBreaks() {
		assertThat(breaking(with("union Hit = Actor | Cable", "union Hit = Actor")))
			.contains("Hit: union member Cable removed");
		assertThat(breaking(with("type Actor implements Node", "type Actor")))
			.containsExactly("Actor: no longer implements Node");
		assertThat(breaking(with("scalar Date", "").replace("when: Date", "when: String")))
			.contains("Date: type removed (still used by an element the baseline did not deprecate)");
		assertThat(breaking(with("enum Label {", "input Label {").replace("COUNTRY REGION AGENCY @deprecated(reason: \"use ORGANISATION\") ORGANISATION", "x: Int")))
			.contains("Label: type changed from enum to inputobject");
	}

	@Test
	void aTypeOnlyDeprecatedElementsUsedMayGoWithThem() {
		String base = "type Query { a: Int  b: Old @deprecated(reason: \"gone soon\") }\ntype Old { x: Int }";
		assertThat(SchemaCompatibility.breakingChanges(base, "type Query { a: Int }")).isEmpty();
		String live = "type Query { a: Int  b: Old }\ntype Old { x: Int }";
		assertThat(SchemaCompatibility.breakingChanges(live, "type Query { a: Int }")).extracting(Object::toString)
			.containsExactlyInAnyOrder("Query.b: field removed without being deprecated first",
					"Old: type removed (still used by an element the baseline did not deprecate)");
	}

	@Test
	void everyBreakingChangeIsListedNotJustTheFirst() {
		String many = with("count: Int!", "").replace("REGION ", "").replace("after: String,", "after: Int,");
		assertThat(breaking(many)).hasSize(3);
	}

	/** The build's check: the committed schema against the last released one. */
	@Test
	void theCommittedSchemaBreaksNoClientOfTheLastRelease() throws IOException {
		Path released = SchemaFiles.lastReleased();
		List<SchemaCompatibility.Breaking> breaking = SchemaCompatibility
			.breakingChanges(Files.readString(released), Files.readString(SchemaFiles.COMMITTED));
		assertThat(breaking).as(() -> SchemaFiles.explain(released, breaking)).isEmpty();
	}

}
