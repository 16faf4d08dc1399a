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

	Optional<Connections> connections(String a, String b, LocalDate asOf, Visibility visibility) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("a", a);
		parameters.put("b", b);
		parameters.put("asOf", asOf);
		return this.reads.one("connections/direct-ties", visibility, parameters,
				(r) -> new Connections(Entity.of(r.get("a")), Entity.of(r.get("b")),
						r.get("direct").asList(Edge::of),
						r.get("through")
							.asList((Value t) -> new Connections.SharedTie(Entity.of(t.get("via")),
									Edge.of(t.get("edgeA")), Edge.of(t.get("edgeB"))))));
	}

	Optional<Subgraph> neighbourhood(String id, int depth, List<Label> labels, List<RelType> types, int limit,
			LocalDate asOf, Visibility visibility) {
		return neighbourhood(id, depth, labels, types, limit, asOf, visibility, NEIGHBOURHOOD_LEVEL_BUDGET);
	}

	/**
	 * The most distinct visible nodes one level of a neighbourhood walk finds before it stops and says its count is a
	 * lower bound. Four times the largest limit, so a cut level still fills any answer; PROFILE at L from a hub
	 * country (bench/results/2026-11-30-bounded.md): the cut level 1 read 2.3k relationships (10.8k db hits) where
	 * the exact count read every tie of the hub and, at depth 2, tens of thousands of level-2 nodes.
	 */
	static final int NEIGHBOURHOOD_LEVEL_BUDGET = 2000;

	/** As above, with the level budget given (tests use a small one; never below the limit, which it must fill). */
	Optional<Subgraph> neighbourhood(String id, int depth, List<Label> labels, List<RelType> types, int limit,
			LocalDate asOf, Visibility visibility, int levelBudget) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("depth", depth);
		parameters.put("labels", (labels == null) ? null : labels.stream().map(Label::cypherName).toList());
		parameters.put("types", (types == null) ? null : types.stream().map(RelType::name).toList());
		parameters.put("limit", limit);
		parameters.put("edgeLimit", limit * 4);
		parameters.put("asOf", asOf);
		parameters.put("budget", Math.max(levelBudget, limit));
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
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", from);
		parameters.put("to", to);
		parameters.put("k", k);
		parameters.put("kinds", filter.kinds());
		parameters.put("avoidKinds", filter.avoidKinds());
		parameters.put("topics", filter.topics());
		parameters.put("actorLabels",
				(filter.actorLabels() == null) ? null : filter.actorLabels().stream().map(Label::cypherName).toList());
		parameters.put("avoid", (filter.avoid() == null) ? List.of() : filter.avoid());
		parameters.put("asOf", asOf);
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

	List<CommonPartner> commonPartners(String a, String b, LocalDate asOf, int limit, Visibility visibility) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("a", a);
		parameters.put("b", b);
		parameters.put("asOf", asOf);
		parameters.put("limit", limit);
		return this.reads.list("connections/common-partners", visibility, parameters,
				(r) -> new CommonPartner(Entity.of(r.get("partner")), through(r.get("throughA")),
						through(r.get("throughB"))));
	}

	/** Actors against instrument kinds; one more row than the limit tells whether rows were cut. */
	Coverage coverage(ActorFilter actors, List<String> kinds, LocalDate asOf, int limit, Visibility visibility) {
		Map<String, Object> parameters = actors.parameters("");
		parameters.put("instrumentKinds", kinds);
		parameters.put("asOf", asOf);
		parameters.put("limit", limit + 1);
		List<Coverage.Row> rows = this.reads.list("connections/coverage", visibility, parameters, (r) -> {
			Map<String, List<Coverage.Held>> byKind = new LinkedHashMap<>();
			kinds.forEach((kind) -> byKind.put(kind, new ArrayList<>()));
			for (Coverage.Held held : held(r.get("held"))) {
				byKind.get(String.valueOf(held.instrument().properties().get("kind"))).add(held);
			}
			List<Coverage.Cell> cells = byKind.entrySet()
				.stream()
				.map((e) -> new Coverage.Cell(e.getKey(), e.getValue()))
				.toList();
			return new Coverage.Row(Entity.of(r.get("actor")), cells);
		});
		boolean truncated = rows.size() > limit;
		return new Coverage(kinds, truncated ? rows.subList(0, limit) : rows, truncated);
	}

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

	List<Entity> untied(ActorFilter actors, ActorFilter others, LocalDate asOf, int limit, Visibility visibility) {
		Map<String, Object> parameters = actors.parameters("");
		parameters.putAll(others.parameters("other"));
		parameters.put("asOf", asOf);
		parameters.put("limit", limit);
		return this.reads.list("connections/untied", visibility, parameters, (r) -> Entity.of(r.get("actor")));
	}

	Optional<Timeline> timeline(String id, Visibility visibility) {
		return this.reads.one("connections/timeline", visibility, Map.of("id", id),
				(r) -> new Timeline(Entity.of(r.get("node")),
						r.get("events")
							.asList((Value e) -> new Timeline.Event(e.get("kind").asString(), e.get("date").asString(),
									e.get("earliest").asLocalDate().toString(), e.get("latest").asLocalDate().toString(),
									Entity.of(e.get("node")), e.get("edge").isNull() ? null : Edge.of(e.get("edge"))))));
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
