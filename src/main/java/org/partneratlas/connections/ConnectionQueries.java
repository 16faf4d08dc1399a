package org.partneratlas.connections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.NeighbourhoodWalk;
import org.partneratlas.graph.PathSearch;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Visibility;
import org.partneratlas.graph.Vocabulary;

import org.springframework.stereotype.Component;

/** The connection questions, each one statement from {@code cypher/queries/connections}. */
@Component
class ConnectionQueries {

	private final GraphReads reads;

	private final PathSearch pathSearch;

	ConnectionQueries(GraphReads reads) {
		this.reads = reads;
		this.pathSearch = new PathSearch(reads);
	}

	/** What ties two nodes, with the schema's default limit on shared ties. */
	Optional<Connections> connections(String a, String b, LocalDate asOf, Visibility visibility) {
		return connections(a, b, asOf, Connections.DEFAULT_LIMIT, visibility);
	}

	/** What ties two nodes: their direct edges, and the first {@code limit} shared ties (checked by the caller). */
	Optional<Connections> connections(String a, String b, LocalDate asOf, int limit, Visibility visibility) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("a", a);
		parameters.put("b", b);
		parameters.put("asOf", asOf);
		parameters.put("limit", limit);
		return this.reads.one("connections/direct-ties", visibility, parameters,
				(r) -> new Connections(Entity.of(r.get("a")), Entity.of(r.get("b")),
						r.get("direct").asList(Edge::of),
						r.get("through")
							.asList((Value t) -> new Connections.SharedTie(Entity.of(t.get("via")),
									Edge.of(t.get("edgeA")), Edge.of(t.get("edgeB")))),
						r.get("total").asInt()));
	}

	Optional<Subgraph> neighbourhood(String id, int depth, List<Label> labels, List<RelType> types, int limit,
			LocalDate asOf, Visibility visibility) {
		return neighbourhood(id, depth, labels, types, limit, asOf, visibility, NEIGHBOURHOOD_LEVEL_BUDGET);
	}

	/** The level budget of a neighbourhood walk: see {@link NeighbourhoodWalk#LEVEL_BUDGET}. */
	static final int NEIGHBOURHOOD_LEVEL_BUDGET = NeighbourhoodWalk.LEVEL_BUDGET;

	/** As above, with the level budget given (tests use a small one; never below the limit, which it must fill). */
	Optional<Subgraph> neighbourhood(String id, int depth, List<Label> labels, List<RelType> types, int limit,
			LocalDate asOf, Visibility visibility, int levelBudget) {
		Map<String, Object> parameters = NeighbourhoodWalk.parameters(id, depth, labels, types, limit, asOf,
				levelBudget);
		return this.reads.one("connections/neighbourhood", visibility, parameters,
				(r) -> new Subgraph(Entity.of(r.get("centre")), r.get("nodes").asList(Entity::of),
						r.get("edges").asList(Edge::of), r.get("omittedNodes").asInt(),
						r.get("omittedNodesExact").asBoolean(), r.get("omittedEdges").asInt()));
	}

	/** The k shortest paths within the default work budget; the parameters are checked by the caller. */
	PathResult paths(String from, String to, int k, int maxHops, PathFilter filter, LocalDate asOf,
			Visibility visibility) {
		return paths(from, to, k, maxHops, filter, asOf, visibility, PathSearch.DEFAULT_BUDGET);
	}

	/**
	 * The k shortest paths, the two-sided search examining at most {@code budget} relationships (see
	 * {@link PathSearch}); both ends must exist and be visible.
	 */
	PathResult paths(String from, String to, int k, int maxHops, PathFilter filter, LocalDate asOf,
			Visibility visibility, int budget) {
		Map<String, Object> parameters = PathSearch.parameters(from, to, k, filter.kinds(), filter.avoidKinds(),
				filter.topics(), filter.actorLabels(), filter.avoid(), asOf);
		PathSearch.Answer answer = this.pathSearch.search(parameters, k, maxHops, visibility, budget);
		List<Path> paths = answer.paths()
			.stream()
			.map((r) -> new Path(r.get("nodes").asList(Entity::of), r.get("edges").asList(Edge::of)))
			.toList();
		return new PathResult(paths, answer.cut(), answer.examined());
	}

	/**
	 * What a path search found.
	 *
	 * @param paths shortest first
	 * @param cut true when the search stopped at its work budget before it could be complete
	 * @param examined relationships the two-sided search examined
	 */
	record PathResult(List<Path> paths, boolean cut, int examined) {
	}

	/**
	 * The most visible rows a question over ties (common partners, untied actors) reads
	 * before it stops: about 2 s of a core at L. Measured at L (bench/results/2026-11-30-bounded.md, "Work budgets"):
	 * the two-hop walk from a hub reads 25-40k visible rows a second of CPU, so 40 000 rows stay within 2 s with the
	 * rest of the request. Counting visible rows only (the filters run before the count), whether a question is cut
	 * says nothing about hidden data.
	 */
	static final int TIE_BUDGET = 40_000;

	/** The common partners within the default work budget; empty and {@code cut} when it ran out. */
	CommonPartners commonPartners(String a, String b, LocalDate asOf, int limit, Visibility visibility) {
		return commonPartners(a, b, asOf, limit, visibility, TIE_BUDGET);
	}

	/** As above, with the budget of visible tie rows given (tests use a small one). */
	CommonPartners commonPartners(String a, String b, LocalDate asOf, int limit, Visibility visibility, int budget) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("a", a);
		parameters.put("b", b);
		parameters.put("asOf", asOf);
		parameters.put("limit", limit);
		parameters.put("budget", budget);
		return this.reads.one("connections/common-partners", visibility, parameters,
				(r) -> new CommonPartners(r.get("partners")
					.asList((Value p) -> new CommonPartner(Entity.of(p.get("partner")), through(p.get("throughA")),
							through(p.get("throughB")))),
						r.get("cut").asBoolean()))
			.orElse(new CommonPartners(List.of(), false));
	}

	/**
	 * The common partners of two actors, or none and {@code cut} when the ties to walk were more than the budget.
	 *
	 * @param partners most ties first
	 * @param cut true when the walk stopped at its work budget (then {@code partners} is empty: a ranking of part of
	 * the ties would be wrong)
	 */
	record CommonPartners(List<CommonPartner> partners, boolean cut) {
	}

	/**
	 * The most actor-instrument rows a coverage matrix reads: here the answer's size is what costs (each row is an
	 * instrument with its properties and an edge, read, mapped and written as JSON). PROFILE at L, countries x 21
	 * kinds: 40 000 rows were 1.0M db hits, half of them projecting the rows; 10 000 rows are a matrix of
	 * 10 000 instruments, more than a page can show.
	 */
	static final int COVERAGE_BUDGET = 10_000;

	/** Actors against instrument kinds within the default work budget. */
	Coverage coverage(ActorFilter actors, List<String> kinds, LocalDate asOf, int limit, Visibility visibility) {
		return coverage(actors, kinds, asOf, limit, visibility, COVERAGE_BUDGET);
	}

	/**
	 * Actors against instrument kinds; one more row than the limit tells whether rows were cut. The statement reads
	 * at most {@code budget} visible actor-instrument rows: when it stops there, the last actor's row may be
	 * incomplete and is left out, so every row answered is whole, and the answer says it was cut.
	 */
	Coverage coverage(ActorFilter actors, List<String> kinds, LocalDate asOf, int limit, Visibility visibility,
			int budget) {
		Map<String, Object> parameters = coverageParameters(actors, kinds, asOf, limit, budget);
		record Found(List<Value> rows, boolean cut) {
		}
		Found found = this.reads
			.one(coverageStatement(actors), visibility, parameters,
					(r) -> new Found(r.get("found").asList((Value v) -> v), r.get("cut").asBoolean()))
			.orElseThrow();
		// one row an actor, in name order, with its instruments of the asked kinds
		List<Coverage.Row> rows = new ArrayList<>();
		for (Value row : found.rows()) {
			Map<String, List<Coverage.Held>> byKind = new LinkedHashMap<>();
			kinds.forEach((kind) -> byKind.put(kind, new ArrayList<>()));
			for (Coverage.Held held : held(row.get("held"))) {
				byKind.get(String.valueOf(held.instrument().properties().get("kind"))).add(held);
			}
			rows.add(new Coverage.Row(Entity.of(row.get("actor")), byKind.entrySet()
				.stream()
				.map((e) -> new Coverage.Cell(e.getKey(), e.getValue().stream().sorted(BY_NAME).toList()))
				.toList()));
		}
		if (found.cut() && !rows.isEmpty()) {
			rows.remove(rows.size() - 1); // its instruments may be incomplete
		}
		boolean truncated = found.cut() || rows.size() > limit;
		return new Coverage(kinds, (rows.size() > limit) ? rows.subList(0, limit) : rows, truncated, found.cut());
	}

	/** The parameters of both coverage statements: one more actor than the limit tells whether rows were cut. */
	static Map<String, Object> coverageParameters(ActorFilter actors, List<String> kinds, LocalDate asOf, int limit,
			int budget) {
		Map<String, Object> parameters = actors.parameters("");
		parameters.put("instrumentKinds", kinds);
		parameters.put("asOf", asOf);
		parameters.put("limit", limit + 1);
		parameters.put("budget", budget);
		return parameters;
	}

	/**
	 * The coverage statement for these actors: {@code coverage-by-name} (the name index, in order, until the limit
	 * passes) when organisations, the one large actor label, are among them and neither a group nor ids narrow them;
	 * else {@code coverage} (a scan of the few actors of the other labels, or a group's members, then sorted).
	 */
	static String coverageStatement(ActorFilter actors) {
		boolean many = actors.memberOf() == null && actors.ids() == null
				&& actors.actorLabels().contains(Label.ORGANISATION);
		return many ? "connections/coverage-by-name" : "connections/coverage";
	}

	private static final java.util.Comparator<Coverage.Held> BY_NAME = java.util.Comparator
		.comparing((Coverage.Held h) -> String.valueOf(h.instrument().properties().get("name")))
		.thenComparing((h) -> h.instrument().id());

	List<Coverage.Gap> gaps(ActorFilter actors, List<String> has, List<String> lacks, LocalDate asOf, int limit,
			Visibility visibility) {
		Map<String, Object> parameters = actors.parameters("");
		parameters.put("has", has);
		parameters.put("lacks", lacks);
		parameters.put("asOf", asOf);
		parameters.put("limit", limit);
		return this.reads.list("connections/gaps", visibility, parameters,
				(r) -> new Coverage.Gap(Entity.of(r.get("actor")), held(r.get("held"))));
	}

	/** The untied actors within the default work budget; empty and {@code cut} when it ran out. */
	Untied untied(ActorFilter actors, ActorFilter others, LocalDate asOf, int limit, Visibility visibility) {
		return untied(actors, others, asOf, limit, visibility, TIE_BUDGET);
	}

	/** As above, with the budget of visible tie rows given (tests use a small one). */
	Untied untied(ActorFilter actors, ActorFilter others, LocalDate asOf, int limit, Visibility visibility,
			int budget) {
		Map<String, Object> parameters = actors.parameters("");
		parameters.putAll(others.parameters("other"));
		parameters.put("asOf", asOf);
		parameters.put("limit", limit);
		parameters.put("budget", budget);
		return this.reads
			.one("connections/untied", visibility, parameters,
					(r) -> new Untied(r.get("actors").asList(Entity::of), r.get("cut").asBoolean()))
			.orElseThrow();
	}

	/**
	 * Actors with no tie to any of the others, or none and {@code cut} when the others' ties were more than the
	 * budget.
	 *
	 * @param actors by name
	 * @param cut true when the walk over the others' ties stopped at its work budget (then {@code actors} is empty:
	 * a list from part of the ties would name tied actors as untied)
	 */
	record Untied(List<Entity> actors, boolean cut) {
	}

	/** A node's timeline with the schema's default {@code first}. */
	Optional<Timeline> timeline(String id, Visibility visibility) {
		return timeline(id, Timeline.DEFAULT_FIRST, visibility);
	}

	/** The first events of a node's timeline ({@code first} checked by the caller) and how many there are. */
	Optional<Timeline> timeline(String id, int first, Visibility visibility) {
		return this.reads.one("connections/timeline", visibility, Map.of("id", id, "first", first),
				(r) -> new Timeline(Entity.of(r.get("node")),
						r.get("events")
							.asList((Value e) -> new Timeline.Event(e.get("kind").asString(), e.get("date").asString(),
									e.get("earliest").asLocalDate().toString(), e.get("latest").asLocalDate().toString(),
									Entity.of(e.get("node")), e.get("edge").isNull() ? null : Edge.of(e.get("edge")))),
						r.get("total").asInt()));
	}

	private static List<Coverage.Held> held(Value held) {
		return held.asList((Value h) -> new Coverage.Held(Entity.of(h.get("instrument")), Edge.of(h.get("edge"))));
	}

	private static List<CommonPartner.Through> through(Value through) {
		return through.asList((Value t) -> new CommonPartner.Through(t.get("via").isNull() ? null : Entity.of(t.get("via")),
				Edge.of(t.get("edge"))));
	}

	/**
	 * What a path may cross.
	 *
	 * @param kinds only instruments, programmes, projects and cables of these kinds
	 * @param avoidKinds never those of these kinds
	 * @param topics only those concerning one of these topics
	 * @param actorLabels only actors of these labels
	 * @param avoid never these nodes
	 */
	record PathFilter(List<String> kinds, List<String> avoidKinds, List<String> topics, List<Label> actorLabels,
			List<String> avoid) {

		static final PathFilter NONE = new PathFilter(null, null, null, null, null);

		/** Refuses kinds of no tie label, non-actor labels and ids no node (or no topic) can have. */
		void check() {
			Vocabulary.requireKinds("only.kinds", this.kinds, Label.TIES);
			Vocabulary.requireKinds("only.avoidKinds", this.avoidKinds, Label.TIES);
			Vocabulary.requireNodeIds("only.topics", this.topics, Label.TOPIC);
			Vocabulary.requireNodeIds("only.avoid", this.avoid);
			if (this.actorLabels != null) {
				this.actorLabels.stream().filter((l) -> !l.isActor()).findFirst().ifPresent((l) -> {
					throw new org.partneratlas.graph.BadRequestException(
							"'only.actorLabels': " + l + " is not an actor label (allowed: " + Label.actors() + ")");
				});
			}
		}

	}

}
