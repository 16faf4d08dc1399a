package org.partneratlas.connections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.Differential;
import org.partneratlas.support.MarkedGraphs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection question, for generated callers on generated marked graphs, answers exactly as on the graph the
 * caller may see: hidden nodes and relationships are never crossed, shown, counted or used as evidence.
 */
class VisibilityDifferentialIT {

	static final List<String> KINDS = List.of("digital-partnership", "cyber-dialogue", "digital-dialogue");

	@TestFactory
	Stream<DynamicTest> connectionQuestionsAnswerAsOnTheVisibleGraph() {
		return Differential.check("connections", new long[] { 101, 102 }, 8, VisibilityDifferentialIT::answers);
	}

	static List<String> answers(GraphReads reads, Visibility caller) {
		ConnectionQueries queries = new ConnectionQueries(reads);
		Random pick = new Random(5);
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String a = "org:a" + pick.nextInt(24);
			String b = "org:a" + pick.nextInt(24);
			String instrument = "instrument:i" + pick.nextInt(20);
			answers.add(queries.connections(a, b, null, caller)
				.map((c) -> sorted(c.direct().stream().map(Edge::id).toList()) + " | "
						+ sorted(c.through().stream().map((t) -> t.via().id() + ":" + t.edgeA().id() + ":" + t.edgeB().id()).toList()))
				.orElse("none"));
			answers.add(queries.neighbourhood(a, 1 + i % 3, null, null, 500, null, caller)
				.map((s) -> sorted(s.nodes().stream().map(Entity::id).toList()) + " | "
						+ sorted(s.edges().stream().map(Edge::id).toList()) + " | " + s.omittedNodes() + " | "
						+ s.omittedNodesExact())
				.orElse("none"));
			if (!a.equals(b)) {
				ConnectionQueries.PathResult result = queries.paths(a, b, 10, 6, ConnectionQueries.PathFilter.NONE, null,
						caller);
				List<Path> paths = result.paths();
				answers.add(result.cut() + " " + result.examined() + " | " + paths.stream().map(Path::length).toList() + " | " + ((paths.size() < 10)
						? sorted(paths.stream().map((p) -> p.nodes().stream().map(Entity::id).toList().toString()).toList())
						: "many"));
				List<Path> early = queries.paths(a, b, 10, 6, ConnectionQueries.PathFilter.NONE, LocalDate.of(2021, 6, 1),
						caller).paths();
				answers.add(early.stream().map(Path::length).toList().toString());
			}
			// with the default budget, and with a budget of a few rows that some pairs need more than: the cut must
			// be decided by visible ties alone, so it must fall the same way on the graph the caller sees
			for (int budget : new int[] { ConnectionQueries.TIE_BUDGET, 9 }) {
				ConnectionQueries.CommonPartners common = queries.commonPartners(a, b, null, 500, caller, budget);
				answers.add(common.cut() + " " + sorted(common.partners()
					.stream()
					.map((p) -> p.partner().id() + sorted(p.throughA().stream().map((t) -> t.edge().id()).toList())
							+ sorted(p.throughB().stream().map((t) -> t.edge().id()).toList()))
					.toList()));
			}
			answers.add(queries.timeline(instrument, caller)
				.map((t) -> t.events().stream().map((e) -> e.kind() + e.date() + e.node().id()
						+ ((e.edge() != null) ? e.edge().id() : "")).sorted().toList().toString() + t.omittedEvents())
				.orElse("none"));
			// the first event only (the rest counted): which one comes first and how many are left out follow the
			// visible events alone; an actor's timeline has its dated ties
			for (String id : List.of(instrument, a)) {
				answers.add(queries.timeline(id, 1, caller)
					.map((t) -> t.events().stream().map((e) -> e.kind() + e.date()).toList() + " " + t.omittedEvents()
							+ " " + t.truncated())
					.orElse("none"));
			}
			// one shared tie only: the count left out is of visible ones
			answers.add(queries.connections(a, b, null, 1, caller)
				.map((c) -> c.through().size() + " " + c.omittedThrough() + " " + c.truncated())
				.orElse("none"));
		}
		for (int budget : new int[] { ConnectionQueries.COVERAGE_BUDGET, 12 }) {
			Coverage coverage = queries.coverage(ActorFilter.ALL, KINDS, null, 500, caller, budget);
			answers.add(coverage.cut() + " " + coverage.truncated() + " " + coverage.rows()
				.stream()
				.map((r) -> r.actor().id() + r.cells().stream().map((c) -> sorted(c.instruments().stream()
					.map((h) -> h.instrument().id() + h.edge().id()).toList())).toList())
				.toList());
		}
		for (int i = 0; i < KINDS.size(); i++) {
			String has = KINDS.get(i);
			String lacks = KINDS.get((i + 1) % KINDS.size());
			answers.add(queries.gaps(ActorFilter.ALL, List.of(has), List.of(lacks), null, 500, caller)
				.stream()
				.map((g) -> g.actor().id() + sorted(g.has().stream().map((h) -> h.instrument().id()).toList()))
				.toList()
				.toString());
		}
		for (int budget : new int[] { ConnectionQueries.TIE_BUDGET, 30 }) {
			ConnectionQueries.Untied untied = queries.untied(new ActorFilter(null, null, null, null, null, List.of("civilian")),
					new ActorFilter(null, null, null, null, null, List.of("defence")), null, 500, caller, budget);
			answers.add(untied.cut() + " " + untied.actors().stream().map(Entity::id).toList());
		}
		// the coverage statement that walks the name index answers as the one that scans and sorts the labels, for
		// filters of every kind (the service picks it for organisations without a group or ids)
		for (ActorFilter filter : List.of(ActorFilter.ALL,
				new ActorFilter(List.of(Label.ORGANISATION), null, null, null, null, List.of("civilian")),
				new ActorFilter(null, null, List.of("association"), MarkedGraphs.GROUP_ACTORS.get(0), null, null),
				new ActorFilter(null, List.of("org:a3", "org:a7", "org:a11"), null, null, null, null))) {
			for (int budget : new int[] { ConnectionQueries.COVERAGE_BUDGET, 7 }) {
				for (int limit : new int[] { 500, 4 }) {
					java.util.Map<String, Object> parameters = ConnectionQueries.coverageParameters(filter, KINDS,
							null, limit, budget);
					List<String> byName = reads.list("connections/coverage-by-name", caller, parameters,
							(r) -> r.get("found").toString() + r.get("cut"));
					assertThat(byName).as(filter + " budget " + budget + " limit " + limit)
						.isEqualTo(reads.list("connections/coverage", caller, parameters,
								(r) -> r.get("found").toString() + r.get("cut")));
				}
			}
		}
		// 'memberOf' expands from the group (its visible members): the same members, rows, cuts and refusals as on
		// the graph the caller sees, a hidden group or membership included
		for (String group : MarkedGraphs.GROUP_ACTORS) {
			ActorFilter members = new ActorFilter(null, null, null, group, null, null);
			for (int budget : new int[] { ConnectionQueries.COVERAGE_BUDGET, 5 }) {
				answers.add(coverage(queries.coverage(members, KINDS, null, 500, caller, budget)));
			}
			answers.add(coverage(queries.coverage(members, KINDS.subList(0, 1), null, 3, caller, 8)));
			answers.add(queries.gaps(members, List.of(), List.of(KINDS.get(0)), null, 500, caller)
				.stream()
				.map((g) -> g.actor().id())
				.toList()
				.toString());
			answers.add(queries.gaps(members, List.of(KINDS.get(1)), List.of(), LocalDate.of(2022, 1, 1), 500, caller)
				.stream()
				.map((g) -> g.actor().id() + sorted(g.has().stream().map((h) -> h.edge().id()).toList()))
				.toList()
				.toString());
			String other = MarkedGraphs.GROUP_ACTORS.get((MarkedGraphs.GROUP_ACTORS.indexOf(group) + 1) % 2);
			for (int budget : new int[] { ConnectionQueries.TIE_BUDGET, 12 }) {
				ConnectionQueries.Untied untied = queries.untied(members,
						new ActorFilter(null, null, null, other, null, null), null, 500, caller, budget);
				answers.add(untied.cut() + " " + untied.actors().stream().map(Entity::id).toList());
				untied = queries.untied(ActorFilter.ALL, new ActorFilter(null, null, null, group, null, null), null, 500,
						caller, budget);
				answers.add(untied.cut() + " " + untied.actors().stream().map(Entity::id).toList());
			}
		}
		return answers;
	}

	static String coverage(Coverage coverage) {
		return coverage.cut() + " " + coverage.truncated() + " " + coverage.rows()
			.stream()
			.map((r) -> r.actor().id() + r.cells().stream().map((c) -> sorted(c.instruments().stream()
				.map((h) -> h.instrument().id() + h.edge().id()).toList())).toList())
			.toList();
	}

	static String sorted(List<String> items) {
		return items.stream().sorted().toList().toString();
	}

}
