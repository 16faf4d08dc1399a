package org.partneratlas.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.AsOf;
import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.ExpensiveWork;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.Visibility;
import org.partneratlas.graph.Vocabulary;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Centrality, brokerage and communities over the visible actor-to-actor projection. Each answer costs at most four
 * statements: the projection, the groups (brokerage only) and the nodes of the answer. The projection and the
 * computation run in a slot of {@link ExpensiveWork}, under the request's deadline, and once per request for each
 * distinct question.
 */
@Controller
class AnalyticsController {

	static final int MAX_TOP = 100;

	private final AnalyticsQueries queries;

	private final GraphReads reads;

	private final ExpensiveWork work;

	AnalyticsController(AnalyticsQueries queries, GraphReads reads, ExpensiveWork work) {
		this.queries = queries;
		this.reads = reads;
		this.work = work;
	}

	@QueryMapping
	List<Score> centrality(@Argument Measure measure, @Argument List<Label> labels, @Argument List<String> kinds,
			@Argument String asOf, @Argument int top, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		checkTop(top);
		checkProjection(labels, kinds);
		Scored scored = once(List.<Object>of("centrality", measure, String.valueOf(labels), String.valueOf(kinds),
				String.valueOf(asOf)), () -> {
					ActorGraph graph = projection(labels, kinds, asOf, visibility);
					double[] scores = switch (measure) {
						case DEGREE -> Centrality.degree(graph);
						case BETWEENNESS -> Centrality.betweenness(graph);
						case PAGERANK -> Centrality.pageRank(graph, 0.85);
					};
					return new Scored(graph, scores);
				});
		return ranked(scored.graph(), scored.scores(), top, visibility);
	}

	@QueryMapping
	List<Score> brokers(@Argument ActorFilter between, @Argument("and") ActorFilter and, @Argument List<Label> labels,
			@Argument List<String> kinds, @Argument String asOf, @Argument int top,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		checkTop(top);
		checkProjection(labels, kinds);
		between.check();
		and.check();
		Scored scored = once(List.of("brokers", String.valueOf(between), String.valueOf(and),
				String.valueOf(labels), String.valueOf(kinds), String.valueOf(asOf)), () -> {
					ActorGraph graph = projection(labels, kinds, asOf, visibility);
					Set<Integer> sources = indices(graph, this.queries.group(between, visibility));
					Set<Integer> targets = indices(graph, this.queries.group(and, visibility));
					return new Scored(graph, Centrality.betweenness(graph, sources, targets));
				});
		return ranked(scored.graph(), scored.scores(), top, visibility);
	}

	@QueryMapping
	CommunityAnswer communities(@Argument List<Label> labels, @Argument List<String> kinds, @Argument String asOf,
			@Argument int minSize, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		if (minSize < 1) {
			throw new BadRequestException("'minSize' must be at least 1, not " + minSize);
		}
		checkProjection(labels, kinds);
		Split split = once(List.of("communities", String.valueOf(labels), String.valueOf(kinds), String.valueOf(asOf)), () -> {
					ActorGraph graph = projection(labels, kinds, asOf, visibility);
					int[] community = Louvain.communities(graph);
					return new Split(graph, community, Louvain.modularity(graph, community));
				});
		ActorGraph graph = split.graph();
		int[] community = split.community();
		Map<Integer, List<String>> members = new LinkedHashMap<>();
		for (int i = 0; i < community.length; i++) {
			members.computeIfAbsent(community[i], (c) -> new ArrayList<>()).add(graph.id(i));
		}
		List<List<String>> kept = members.values()
			.stream()
			.filter((m) -> m.size() >= minSize)
			.sorted(Comparator.comparing((List<String> m) -> -m.size()))
			.toList();
		List<String> ids = kept.stream().flatMap(List::stream).toList();
		Map<String, Entity> nodes = new LinkedHashMap<>();
		this.reads.nodes(ids, visibility).stream().filter(Objects::nonNull).forEach((e) -> nodes.put(e.id(), e));
		List<Community> communities = new ArrayList<>();
		for (List<String> group : kept) {
			List<Entity> entities = group.stream()
				.map(nodes::get)
				.filter(Objects::nonNull)
				.sorted(Comparator.comparing(Entity::name))
				.toList();
			communities.add(new Community(communities.size(), entities));
		}
		return new CommunityAnswer(split.modularity(), communities);
	}

	private <T> T once(List<Object> question, Supplier<T> work) {
		return this.work.once(question, work);
	}

	private static void checkProjection(List<Label> labels, List<String> kinds) {
		new ActorFilter(labels, null, null, null, null, null).actorLabels();
		Vocabulary.requireKinds("kinds", kinds, Label.TIES);
	}

	private record Scored(ActorGraph graph, double[] scores) {
	}

	private record Split(ActorGraph graph, int[] community, double modularity) {
	}

	private ActorGraph projection(List<Label> labels, List<String> kinds, String asOf, Visibility visibility) {
		List<Label> actorLabels = new ActorFilter(labels, null, null, null, null, null).actorLabels();
		return this.queries.projection(actorLabels, (kinds == null || kinds.isEmpty()) ? null : kinds,
				AsOf.parse(asOf), visibility);
	}

	private List<Score> ranked(ActorGraph graph, double[] scores, int top, Visibility visibility) {
		List<Integer> order = IntStream.range(0, scores.length)
			.boxed()
			.filter((i) -> scores[i] > 0)
			.sorted(Comparator.comparing((Integer i) -> -scores[i]).thenComparing(graph::id))
			.limit(top)
			.toList();
		List<Entity> nodes = this.reads.nodes(order.stream().map(graph::id).toList(), visibility);
		List<Score> ranked = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			if (nodes.get(i) != null) {
				ranked.add(new Score(nodes.get(i), scores[order.get(i)], ranked.size() + 1));
			}
		}
		return ranked;
	}

	private static Set<Integer> indices(ActorGraph graph, List<String> ids) {
		Set<Integer> indices = new LinkedHashSet<>();
		ids.stream().map(graph::indexOf).filter(Objects::nonNull).forEach(indices::add);
		return indices;
	}

	private static void checkTop(int top) {
		BadRequestException.requireBetween("top", top, 1, MAX_TOP);
	}

	enum Measure {

		DEGREE, BETWEENNESS, PAGERANK

	}

	/**
	 * An actor's score.
	 *
	 * @param node the actor
	 * @param score its score
	 * @param rank 1 for the highest
	 */
	record Score(Entity node, double score, int rank) {
	}

	/**
	 * A community.
	 *
	 * @param id its number in this answer (largest first)
	 * @param members its actors, by name
	 */
	record Community(int id, List<Entity> members) {

		public int size() {
			return this.members.size();
		}

	}

	/**
	 * Communities and the quality of the split.
	 *
	 * @param modularity Newman's modularity of the whole partition
	 * @param communities the communities of at least the asked size, largest first
	 */
	record CommunityAnswer(double modularity, List<Community> communities) {
	}

}
