package org.partneratlas.connections;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.AsOf;
import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.ExpensiveWork;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.NotFoundException;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Visibility;
import org.partneratlas.graph.Vocabulary;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import static org.partneratlas.graph.BadRequestException.requireBetween;

/**
 * The connection fields: direct ties, neighbourhoods, paths, common partners, coverage and gaps, timelines. Every
 * limit the schema states is checked here, before any statement runs.
 */
@Controller
class ConnectionController {

	static final int MAX_DEPTH = 3;

	static final int MAX_NODES = 500;

	static final int MAX_PATHS = 10;

	static final int MAX_HOPS = 6;

	static final int MAX_ROWS = 500;

	private final ConnectionQueries queries;

	private final GraphReads reads;

	private final ExpensiveWork work;

	ConnectionController(ConnectionQueries queries, GraphReads reads, ExpensiveWork work) {
		this.queries = queries;
		this.reads = reads;
		this.work = work;
	}

	@QueryMapping
	Optional<Connections> connections(@Argument String a, @Argument String b, @Argument String asOf,
			@Argument int limit, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		requireBetween("limit", limit, 1, Connections.MAX_LIMIT);
		return this.queries.connections(a, b, AsOf.parse(asOf), limit, visibility);
	}

	@QueryMapping
	Optional<Subgraph> neighbourhood(@Argument String id, @Argument int depth, @Argument List<Label> labels,
			@Argument List<RelType> types, @Argument int limit, @Argument String asOf,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		requireBetween("depth", depth, 1, MAX_DEPTH);
		requireBetween("limit", limit, 1, MAX_NODES);
		LocalDate date = AsOf.parse(asOf);
		return this.work.once(List.of("neighbourhood", id, depth, String.valueOf(labels), String.valueOf(types), limit,
						String.valueOf(date)),
				() -> this.queries.neighbourhood(id, depth, labels, types, limit, date, visibility));
	}

	@QueryMapping
	Optional<Paths> paths(@Argument String from, @Argument String to, @Argument int k, @Argument int maxHops,
			@Argument ConnectionQueries.PathFilter only, @Argument String asOf,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		requireBetween("k", k, 1, MAX_PATHS);
		requireBetween("maxHops", maxHops, 1, MAX_HOPS);
		if (from.equals(to)) {
			throw new BadRequestException("'from' and 'to' are the same node: a path needs two");
		}
		LocalDate date = AsOf.parse(asOf);
		if (only != null) {
			only.check();
		}
		List<Entity> ends = this.reads.nodes(List.of(from, to), visibility);
		if (ends.stream().anyMatch(Objects::isNull)) {
			return Optional.empty();
		}
		ConnectionQueries.PathFilter filter = (only != null) ? only : ConnectionQueries.PathFilter.NONE;
		ConnectionQueries.PathResult result = this.work.once(
				List.of("paths", from, to, k, maxHops, String.valueOf(filter), String.valueOf(date)),
				() -> this.queries.paths(from, to, k, maxHops, filter, date, visibility));
		List<Path> paths = result.paths();
		String restricted = (only != null || asOf != null) ? " with these restrictions" : "";
		String message;
		if (result.cut()) {
			// never "no path": the search stopped before it could know
			message = (paths.isEmpty() ? "No path found between " + from + " and " + to + restricted
					+ " before the search stopped at its work budget (" + result.examined()
					+ " relationships examined): a path of at most " + maxHops + " relationships may still exist"
					: "Only " + paths.size() + " of " + k + " paths found, the shortest first: the search for more, "
							+ "of at most " + maxHops + " relationships, stopped at its work budget ("
							+ result.examined() + " relationships examined)")
					+ "; a lower maxHops or a narrower 'only' filter searches less";
		}
		else {
			message = paths.isEmpty()
					? "No path of at most " + maxHops + " relationships between " + from + " and " + to + restricted
					: null;
		}
		return Optional.of(new Paths(ends.get(0), ends.get(1), paths, message, result.cut()));
	}

	@QueryMapping
	List<CommonPartner> commonPartners(@Argument String a, @Argument String b, @Argument String asOf,
			@Argument int limit, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		requireBetween("limit", limit, 1, MAX_ROWS);
		LocalDate date = AsOf.parse(asOf);
		// no partners of a node that is not there is not "no partners": say which end is missing (or hidden)
		List<Entity> ends = this.reads.nodes(List.of(a, b), visibility);
		if (ends.get(0) == null) {
			throw new NotFoundException("a", a);
		}
		if (ends.get(1) == null) {
			throw new NotFoundException("b", b);
		}
		ConnectionQueries.CommonPartners answer = this.queries.commonPartners(a, b, date, limit, visibility);
		if (answer.cut()) {
			// a ranking of part of the ties would look complete and be wrong: refuse, naming the limit
			throw new BadRequestException("'" + a + "' and '" + b + "' have more than "
					+ ConnectionQueries.TIE_BUDGET + " ties to partners between them"
					+ ((asOf != null) ? " at " + asOf : "") + ", more than one request may read (its work budget); "
					+ "nothing was ranked. Ask about a narrower pair, or read each one's ties with 'profile'");
		}
		return answer.partners();
	}

	@QueryMapping
	Coverage coverage(@Argument ActorFilter actors, @Argument List<String> kinds, @Argument String asOf,
			@Argument int limit, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		requireBetween("limit", limit, 1, MAX_ROWS);
		if (kinds.isEmpty() || kinds.size() > 30) {
			throw new BadRequestException("give 1 to 30 instrument kinds, not " + kinds.size());
		}
		Vocabulary.requireKinds("kinds", kinds, List.of(Label.INSTRUMENT));
		return this.queries.coverage(ActorFilter.orAll(actors), kinds, AsOf.parse(asOf), limit, visibility);
	}

	@QueryMapping
	List<Coverage.Gap> gaps(@Argument ActorFilter actors, @Argument List<String> has, @Argument List<String> lacks,
			@Argument String asOf, @Argument int limit, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		requireBetween("limit", limit, 1, MAX_ROWS);
		List<String> having = (has != null) ? has : List.of();
		if (having.isEmpty() && lacks.isEmpty()) {
			throw new BadRequestException("give at least one kind in 'has' or 'lacks'");
		}
		Vocabulary.requireKinds("has", having, List.of(Label.INSTRUMENT));
		Vocabulary.requireKinds("lacks", lacks, List.of(Label.INSTRUMENT));
		return this.queries.gaps(ActorFilter.orAll(actors), having, lacks, AsOf.parse(asOf), limit, visibility);
	}

	@QueryMapping
	List<Entity> untied(@Argument ActorFilter actors, @Argument ActorFilter from, @Argument String asOf,
			@Argument int limit, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		requireBetween("limit", limit, 1, MAX_ROWS);
		ConnectionQueries.Untied answer = this.queries.untied(actors, from, AsOf.parse(asOf), limit, visibility);
		if (answer.cut()) {
			// a list from part of the ties would name tied actors as untied: refuse, naming the limit
			throw new BadRequestException("The actors passing 'from' have more than " + ConnectionQueries.TIE_BUDGET
					+ " ties to other actors" + ((asOf != null) ? " at " + asOf : "")
					+ ", more than one request may read (its work budget); nothing was listed. Narrow 'from' "
					+ "(labels, kinds, sectors, memberOf or ids)");
		}
		return answer.actors();
	}

	@QueryMapping
	Optional<Timeline> timeline(@Argument String id, @Argument int first,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		requireBetween("first", first, 1, Timeline.MAX_FIRST);
		return this.queries.timeline(id, first, visibility);
	}


}
