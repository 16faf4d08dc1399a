package org.partneratlas.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.Differential;
import org.partneratlas.support.MarkedGraphs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups, listings and their counts, search and profiles, for generated callers on generated marked graphs,
 * answer exactly as on the graph the caller may see.
 */
class VisibilityDifferentialIT {

	@TestFactory
	Stream<DynamicTest> catalogueQuestionsAnswerAsOnTheVisibleGraph() {
		return Differential.check("catalogue", new long[] { 301, 302 }, 8, VisibilityDifferentialIT::answers);
	}

	static List<String> answers(GraphReads reads, Visibility caller) {
		CatalogueQueries queries = new CatalogueQueries(reads);
		Cursor.Sealer sealer = new Cursor.Sealer("differential");
		Random pick = new Random(9);
		List<String> answers = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add((i % 2 == 0) ? "org:a" + pick.nextInt(24) : "instrument:i" + pick.nextInt(20));
		}
		answers.add(queries.nodes(ids, caller).stream().map((e) -> (e == null) ? "-" : e.id()).toList().toString());
		for (String id : ids) {
			answers.add(queries.profile(id, caller)
				.map((p) -> p.ties().stream().map((t) -> t.edge().id() + t.counterparts().stream()
					.map((c) -> c.node().id() + c.edge().id()).sorted().toList() + t.counterpartCount()).sorted().toList()
					.toString() + p.summary() + p.omittedTies())
				.orElse("none"));
			// a small limit and a small counterpart budget (some profiles need more than 3 rows): which ties are
			// answered, where the budget cuts and the exact count left out must follow the visible ties alone
			for (int[] bound : new int[][] { { 1, Profile.COUNTERPART_BUDGET }, { 2, 3 }, { 500, 3 } }) {
				answers.add(queries.profile(id, bound[0], caller, bound[1])
					.map((p) -> p.ties().stream().map((t) -> t.edge().id() + t.counterpartCount()).toList() + " "
							+ p.omittedTies() + " " + p.truncated() + " " + p.cut() + " " + p.summary())
					.orElse("none"));
			}
		}
		for (List<Label> labels : List.of(List.of(Label.ORGANISATION), List.of(Label.INSTRUMENT))) {
			HashMap<String, Object> filters = new HashMap<>();
			Listing listing = Listing.of(labels, filters, 100, null, null, null, sealer, caller);
			answers.add(queries.page(listing, caller).nodes().stream().map(Entity::id).toList().toString());
			answers.add(String.valueOf(queries.count(listing, caller)));
			HashMap<String, Object> byParty = new HashMap<>();
			byParty.put("party", "org:a" + pick.nextInt(24));
			Listing party = Listing.of(List.of(Label.INSTRUMENT), byParty, 100, null, null, null, sealer, caller);
			answers.add(queries.page(party, caller).nodes().stream().map(Entity::id).toList() + " "
					+ queries.count(party, caller));
		}
		// A kind filter takes the -by-kind statements (index seeks), backwards too; so does a mix of labels.
		for (List<Label> labels : List.of(List.of(Label.INSTRUMENT), List.of(Label.ORGANISATION),
				List.of(Label.INSTRUMENT, Label.PROJECT, Label.ORGANISATION))) {
			HashMap<String, Object> byKind = new HashMap<>();
			byKind.put("kinds", List.of(MarkedGraphs.KINDS.get(pick.nextInt(MarkedGraphs.KINDS.size())), "association"));
			Listing forward = Listing.of(labels, byKind, 5, null, null, null, sealer, caller);
			Listing backward = Listing.of(labels, byKind, null, null, 5, null, sealer, caller);
			answers.add(pagesAndCount(queries, forward, backward, caller));
			// The -by-kind statements answer as the plain ones (which filter the label scan by kind).
			answerAsThePlainStatements("-by-kind", forward, backward, reads, caller);
		}
		// the anchored listings (party given) answer as the plain ones, which check every instrument for the tie
		for (int i = 0; i < 3; i++) {
			HashMap<String, Object> byParty = new HashMap<>();
			byParty.put("party", "org:a" + pick.nextInt(24));
			Listing forward = Listing.of(List.of(Label.INSTRUMENT, Label.PROJECT), byParty, 2, null, null, null, sealer,
					caller);
			Listing backward = Listing.of(List.of(Label.INSTRUMENT), byParty, null, null, 2, null, sealer, caller);
			assertThat(forward.statement("catalogue/list-forward")).isEqualTo("catalogue/list-forward-anchored");
			answers.add(pagesAndCount(queries, forward, backward, caller));
			answerAsThePlainStatements("-anchored", forward, backward, reads, caller);
		}
		// and the members of a group (memberOf), expanded from the group
		for (String group : MarkedGraphs.GROUP_ACTORS) {
			HashMap<String, Object> members = new HashMap<>();
			members.put("memberOf", group);
			Listing forward = Listing.of(List.of(Label.ORGANISATION), members, 3, null, null, null, sealer, caller);
			Listing backward = Listing.of(List.of(Label.ORGANISATION), members, null, null, 3, null, sealer, caller);
			assertThat(forward.statement("catalogue/list-count")).isEqualTo("catalogue/list-count-anchored");
			answers.add(pagesAndCount(queries, forward, backward, caller));
			answerAsThePlainStatements("-anchored", forward, backward, reads, caller);
		}
		answers.add(queries.search("Actor", null, 50, caller)
			.stream()
			.map((h) -> h.node().id())
			.sorted()
			.toList()
			.toString());
		answers.add(String.valueOf(ids.stream().map((id) -> queries.node(id, caller)).filter(Objects::nonNull)
			.map((o) -> o.map(Entity::id).orElse("-")).toList()));
		return answers;
	}

	/** The forward page's ids, the backward page's ids and the count, as one answer. */
	static String pagesAndCount(CatalogueQueries queries, Listing forward, Listing backward, Visibility caller) {
		return queries.page(forward, caller).nodes().stream().map(Entity::id).toList() + " "
				+ queries.page(backward, caller).nodes().stream().map(Entity::id).toList() + " "
				+ queries.count(forward, caller);
	}

	/** The listing statements with {@code suffix} (index seeks, anchors) answer as the plain ones. */
	static void answerAsThePlainStatements(String suffix, Listing forward, Listing backward, GraphReads reads,
			Visibility caller) {
		for (String file : List.of("catalogue/list-forward", "catalogue/list-backward", "catalogue/list-count")) {
			Listing listing = file.endsWith("backward") ? backward : forward;
			Map<String, Object> parameters = file.endsWith("count") ? listing.countParameters()
					: listing.pageParameters();
			assertThat(reads.list(file + suffix, caller, parameters, (r) -> r.get(0).toString()))
				.as(file + suffix + " " + parameters)
				.isEqualTo(reads.list(file, caller, parameters, (r) -> r.get(0).toString()));
		}
	}

}
