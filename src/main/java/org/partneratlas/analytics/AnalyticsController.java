package org.partneratlas.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Centrality, brokerage and communities over the visible actor-to-actor projection. Each answer costs at most four
 * statements: the projection, the groups (brokerage only) and the nodes of the answer. The projection and the
 * computation run in a slot of {@code ExpensiveWork}, under the request's deadline, and are kept by
 * {@link AnalyticsCache} per caller's grants, question and data version: a question asked again, by anyone with the
 * same grants, before the next committed write, costs one statement (the nodes of the answer).
 * <p>
 * Betweenness and brokerage cost a shortest-path search per source actor: before starting, the service compares that
 * work with {@code atlas.analytics.max-work} (adjacency entries visited, calibrated to fit the 10 s limit on the
 * project's 2-core machine, see the README's Performance section) and, when it does not fit, refuses in words with the
 * number of sampled sources that would, rather than ranking part of the graph.
 */
@Controller
class AnalyticsController {

	static final int MAX_TOP = 100;

	static final int MAX_SAMPLES = 100_000;

	private final AnalyticsQueries queries;

	private final GraphReads reads;

	private final AnalyticsCache cache;

	private final ExpensiveWork work;

	private final long maxWork;

	/**
	 * The most visible rows (actor-to-tie relationships) the projection statement may read: about 2 s of a core.
	 * Measured: at M (about 42 000 such rows) the projection read took 0.46-0.73 s on a quiet machine
	 * (bench/results/2026-11-30-analytics.md); at L (about 420 000) it did not finish within the 10 s statement limit
	 * (bench/results/2026-11-30-bounded.md, "Work budgets"). Counted first, by visible rows only, so a refusal says
	 * nothing about hidden ties.
	 */
	private final long maxProjectionRows;

	/** Graph Data Science on the server, when it has it; null: every answer in the service. */
	private final @Nullable GdsAnalytics gds;

	/** Every answer computed in the service (tests of the in-service path). */
	AnalyticsController(AnalyticsQueries queries, GraphReads reads, AnalyticsCache cache, ExpensiveWork work,
			long maxWork, long maxProjectionRows) {
		this(queries, reads, cache, work, null, maxWork, maxProjectionRows);
	}

	@org.springframework.beans.factory.annotation.Autowired
	AnalyticsController(AnalyticsQueries queries, GraphReads reads, AnalyticsCache cache, ExpensiveWork work,
			@Nullable GdsAnalytics gds,
			@Value("${atlas.analytics.max-work:3000000000}") long maxWork,
			@Value("${atlas.analytics.max-projection-rows:150000}") long maxProjectionRows) {
		this.maxProjectionRows = maxProjectionRows;
		this.gds = gds;
		this.work = work;
		this.queries = queries;
		this.reads = reads;
		this.cache = cache;
		this.maxWork = maxWork;
	}

	@QueryMapping
	List<Score> centrality(@Argument Measure measure, @Argument List<Label> labels, @Argument List<String> kinds,
			@Argument String asOf, @Argument int top, @Argument Integer samples, @Argument Integer seed,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		checkTop(top);
		checkProjection(labels, kinds);
		if (samples != null) {
			if (measure != Measure.BETWEENNESS) {
				throw new BadRequestException("'samples' applies to BETWEENNESS only, not " + measure
						+ " (which is computed exactly at any size)");
			}
			BadRequestException.requireBetween("samples", samples, 1, MAX_SAMPLES);
		}
		long seedValue = (seed != null) ? seed : 1;
		Ranking ranking = this.cache.answer(visibility,
				List.of("centrality", measure, String.valueOf(labels), String.valueOf(kinds), String.valueOf(asOf),
						String.valueOf(samples), (samples != null) ? seedValue : "-"),
				() -> {
					Ranking byGds = (samples == null) ? centralityInGds(measure, labels, kinds, asOf, visibility) : null;
					if (byGds != null) {
						return byGds;
					}
					ActorGraph graph = projection(labels, kinds, asOf, visibility);
					return switch (measure) {
						case DEGREE -> Ranking.of(graph, Centrality.degree(graph), null, null);
						case PAGERANK -> Ranking.of(graph, Centrality.pageRank(graph, 0.85), null, null);
						case BETWEENNESS -> betweenness(graph, samples, seedValue);
					};
				}, Ranking::size);
		return ranked(ranking, top, visibility);
	}

	/**
	 * A centrality computed by Graph Data Science on the server, or null when the server cannot (no GDS, or the
	 * algorithm failed there): the in-service path answers then. Sampled betweenness always stays in the service: its
	 * answer states a standard error and a seeded draw of sources that GDS's sampling does not give.
	 */
	private @Nullable Ranking centralityInGds(Measure measure, List<Label> labels, List<String> kinds, String asOf,
			Visibility visibility) {
		GdsAnalytics.Algorithm algorithm = switch (measure) {
			case DEGREE -> GdsAnalytics.Algorithm.DEGREE;
			case PAGERANK -> GdsAnalytics.Algorithm.PAGERANK;
			case BETWEENNESS -> GdsAnalytics.Algorithm.BETWEENNESS;
		};
		GdsAnalytics gds = this.gds;
		if (gds == null || !gds.supports(algorithm)) {
			return null;
		}
		Scope scope = scope(labels, kinds, asOf, visibility);
		return gds.compute(algorithm, scope.actorLabels(), scope.tieKinds(), scope.date(), visibility, (graph) -> {
			if (algorithm == GdsAnalytics.Algorithm.BETWEENNESS) {
				long perSource = graph.actors() + 2 * graph.ties();
				long affordable = (perSource == 0) ? graph.actors() : this.maxWork / perSource;
				if (graph.actors() > affordable) {
					throw new BadRequestException(tooLarge(graph.actors(), perSource, affordable)
							+ ": exact betweenness needs a shortest-path search from every one of its " + graph.actors()
							+ " actors. Ask for an estimate instead: 'samples: " + Math.max(1, affordable)
							+ "' draws that many source actors at random (with 'seed') and states each score's "
							+ "standard error; nothing was ranked");
				}
			}
			return Ranking.of(gds.scores(algorithm, graph, visibility));
		});
	}

	private Ranking betweenness(ActorGraph graph, @Nullable Integer samples, long seed) {
		int n = graph.size();
		long perSource = Centrality.work(graph, 1);
		long affordable = (perSource == 0) ? n : this.maxWork / perSource;
		if (samples == null) {
			if (n > affordable) {
				throw new BadRequestException(tooLarge(graph, perSource, affordable)
						+ ": exact betweenness needs a shortest-path search from every one of its " + n
						+ " actors. Ask for an estimate instead: 'samples: " + Math.max(1, affordable)
						+ "' draws that many source actors at random (with 'seed') and states each score's standard "
						+ "error; nothing was ranked");
			}
			return Ranking.of(graph, Centrality.betweenness(graph), null, null);
		}
		int k = Math.min(samples, n);
		if (k > affordable) {
			throw new BadRequestException(tooLarge(graph, perSource, affordable) + ": at most " + Math.max(1, affordable)
					+ " sampled sources fit, not " + k + "; nothing was ranked");
		}
		Centrality.Estimate estimate = Centrality.sampledBetweenness(graph, k, seed);
		Sample sample = (estimate.sampled() < estimate.sources())
				? new Sample("sampled Brandes (Brandes and Pich 2007): sources drawn uniformly without replacement",
						estimate.sampled(), estimate.sources(), seed)
				: null;
		return Ranking.of(graph, estimate.scores(), (sample != null) ? estimate.errors() : null, sample);
	}

	private String tooLarge(ActorGraph graph, long perSource, long affordable) {
		return tooLarge(graph.size(), perSource, affordable);
	}

	private String tooLarge(int actors, long perSource, long affordable) {
		return "The visible projection is too large for this answer within the service's time limit: " + actors
				+ " actors and " + ((perSource - actors) / 2) + " actor-to-actor ties, where the service "
				+ "affords shortest-path searches from about " + affordable + " actors";
	}

	@QueryMapping
	List<Score> brokers(@Argument ActorFilter between, @Argument("and") ActorFilter and, @Argument List<Label> labels,
			@Argument List<String> kinds, @Argument String asOf, @Argument int top,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		checkTop(top);
		checkProjection(labels, kinds);
		between.check();
		and.check();
		Ranking ranking = this.cache.answer(visibility, List.of("brokers", String.valueOf(between), String.valueOf(and),
				String.valueOf(labels), String.valueOf(kinds), String.valueOf(asOf)), () -> {
					ActorGraph graph = projection(labels, kinds, asOf, visibility);
					Set<Integer> sources = indices(graph, this.queries.group(between, visibility));
					Set<Integer> targets = indices(graph, this.queries.group(and, visibility));
					if (targets.size() < sources.size()) {
						// paths are undirected: the shares are the same searched from the smaller group
						Set<Integer> swap = sources;
						sources = targets;
						targets = swap;
					}
					long perSource = Centrality.work(graph, 1);
					long affordable = (perSource == 0) ? sources.size() : this.maxWork / perSource;
					if (sources.size() > affordable) {
						throw new BadRequestException(tooLarge(graph, perSource, affordable) + ": the smaller of "
								+ "'between' and 'and' has " + sources.size() + " of them; narrow one group to at most "
								+ affordable + " actors; nothing was ranked");
					}
					return Ranking.of(graph, Centrality.betweenness(graph, sources, targets), null, null);
				}, Ranking::size);
		return ranked(ranking, top, visibility);
	}

	@QueryMapping
	CommunityAnswer communities(@Argument List<Label> labels, @Argument List<String> kinds, @Argument String asOf,
			@Argument int minSize, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		if (minSize < 1) {
			throw new BadRequestException("'minSize' must be at least 1, not " + minSize);
		}
		checkProjection(labels, kinds);
		Split split = this.cache.answer(visibility,
				List.of("communities", String.valueOf(labels), String.valueOf(kinds), String.valueOf(asOf)), () -> {
					Split byGds = communitiesInGds(labels, kinds, asOf, visibility);
					if (byGds != null) {
						return byGds;
					}
					ActorGraph graph = projection(labels, kinds, asOf, visibility);
					int[] community = Louvain.communities(graph);
					Map<Integer, List<String>> members = new LinkedHashMap<>();
					for (int i = 0; i < community.length; i++) {
						members.computeIfAbsent(community[i], (c) -> new ArrayList<>()).add(graph.id(i));
					}
					List<List<String>> largestFirst = members.values()
						.stream()
						.sorted(Comparator.comparing((List<String> m) -> -m.size()))
						.map(List::copyOf)
						.toList();
					return new Split(largestFirst, Louvain.modularity(graph, community), graph.size());
				}, Split::size);
		List<List<String>> kept = split.communities().stream().filter((m) -> m.size() >= minSize).toList();
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

	/** Louvain communities computed by Graph Data Science on the server, or null when it cannot. */
	private @Nullable Split communitiesInGds(List<Label> labels, List<String> kinds, String asOf,
			Visibility visibility) {
		GdsAnalytics gds = this.gds;
		if (gds == null || !gds.supports(GdsAnalytics.Algorithm.LOUVAIN)) {
			return null;
		}
		Scope scope = scope(labels, kinds, asOf, visibility);
		return gds.compute(GdsAnalytics.Algorithm.LOUVAIN, scope.actorLabels(), scope.tieKinds(), scope.date(),
				visibility, (graph) -> {
					GdsAnalytics.Communities split = gds.communities(graph, visibility);
					Map<Long, List<String>> members = new LinkedHashMap<>();
					split.community()
						.forEach((id, community) -> members.computeIfAbsent(community, (c) -> new ArrayList<>()).add(id));
					// largest first, then by their smallest id, so the numbering does not depend on GDS's node order
					List<List<String>> largestFirst = members.values()
						.stream()
						.map((m) -> m.stream().sorted().toList())
						.sorted(Comparator.comparing((List<String> m) -> -m.size()).thenComparing(List::getFirst))
						.toList();
					return new Split(largestFirst, split.modularity(), split.community().size());
				});
	}

	private static void checkProjection(List<Label> labels, List<String> kinds) {
		new ActorFilter(labels, null, null, null, null, null).actorLabels();
		Vocabulary.requireKinds("kinds", kinds, Label.TIES);
	}

	/**
	 * The best {@value #MAX_TOP} actors of a measure, best first (what the cache keeps: never the projection).
	 *
	 * @param ids their ids
	 * @param scores their scores
	 * @param errors the standard error of each score, null when exact
	 * @param sample how the scores were estimated, null when exact
	 */
	record Ranking(List<String> ids, double[] scores, double @Nullable [] errors, @Nullable Sample sample) {

		/** The best of scores given by id (from Graph Data Science), ordered as {@link #of(ActorGraph, double[], double[], Sample)}. */
		static Ranking of(Map<String, Double> scores) {
			List<Map.Entry<String, Double>> order = scores.entrySet()
				.stream()
				.filter((e) -> e.getValue() > 0)
				.sorted(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
					.thenComparing(Map.Entry::getKey))
				.limit(MAX_TOP)
				.toList();
			return new Ranking(order.stream().map(Map.Entry::getKey).toList(),
					order.stream().mapToDouble(Map.Entry::getValue).toArray(), null, null);
		}

		static Ranking of(ActorGraph graph, double[] scores, double @Nullable [] errors, @Nullable Sample sample) {
			List<Integer> order = IntStream.range(0, scores.length)
				.boxed()
				.filter((i) -> scores[i] > 0)
				.sorted(Comparator.comparing((Integer i) -> -scores[i]).thenComparing(graph::id))
				.limit(MAX_TOP)
				.toList();
			return new Ranking(order.stream().map(graph::id).toList(),
					order.stream().mapToDouble((i) -> scores[i]).toArray(),
					(errors != null) ? order.stream().mapToDouble((i) -> errors[i]).toArray() : null, sample);
		}

		long size() {
			return this.ids.size();
		}

	}

	/**
	 * A split into communities (what the cache keeps).
	 *
	 * @param communities every community's member ids, largest first
	 * @param modularity the split's modularity
	 * @param actors how many actors the projection had
	 */
	record Split(List<List<String>> communities, double modularity, int actors) {

		long size() {
			return this.actors;
		}

	}

	/**
	 * What a question projects: actors of these labels, tied through ties of these kinds (all when null), valid at
	 * this date (any when null).
	 */
	record Scope(List<Label> actorLabels, @Nullable List<String> tieKinds, java.time.@Nullable LocalDate date) {
	}

	/**
	 * The scope of a question, refused in words when its visible projection is larger than
	 * {@code atlas.analytics.max-projection-rows}: the GDS path reads the same rows by the same Cypher, so the same
	 * budget applies to both.
	 */
	private Scope scope(List<Label> labels, List<String> kinds, String asOf, Visibility visibility) {
		List<Label> actorLabels = new ActorFilter(labels, null, null, null, null, null).actorLabels();
		List<String> tieKinds = (kinds == null || kinds.isEmpty()) ? null : kinds;
		java.time.LocalDate date = AsOf.parse(asOf);
		long rows = this.queries.projectionRows(actorLabels, tieKinds, date, visibility, this.maxProjectionRows);
		if (rows > this.maxProjectionRows) {
			throw new BadRequestException("The visible projection is too large to read within one request's work "
					+ "budget: its actors have more than " + this.maxProjectionRows + " visible ties to instruments, "
					+ "programmes, projects, cables and each other (atlas.analytics.max-projection-rows). Narrow "
					+ "'labels' or 'kinds'; nothing was ranked");
		}
		return new Scope(actorLabels, tieKinds, date);
	}

	private ActorGraph projection(List<Label> labels, List<String> kinds, String asOf, Visibility visibility) {
		Scope scope = scope(labels, kinds, asOf, visibility);
		return this.queries.projection(scope.actorLabels(), scope.tieKinds(), scope.date(), visibility);
	}

	private List<Score> ranked(Ranking ranking, int top, Visibility visibility) {
		// aliases asking the same question with the same top share the nodes read for it (the ranking is one object)
		return this.work.oncePerRequest(List.of("ranked", ranking, top),
				() -> resolve(ranking, top, visibility));
	}

	private List<Score> resolve(Ranking ranking, int top, Visibility visibility) {
		int count = Math.min(top, ranking.ids().size());
		List<Entity> nodes = this.reads.nodes(ranking.ids().subList(0, count), visibility);
		List<Score> ranked = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (nodes.get(i) != null) {
				Double error = (ranking.errors() != null) ? ranking.errors()[i] : null;
				ranked.add(new Score(nodes.get(i), ranking.scores()[i], ranked.size() + 1,
						(error != null && error.isNaN()) ? null : error, ranking.sample()));
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
	 * @param standardError the standard error of an estimated score, null when exact
	 * @param sample how the score was estimated, null when exact
	 */
	record Score(Entity node, double score, int rank, @Nullable Double standardError, @Nullable Sample sample) {

		Score(Entity node, double score, int rank) {
			this(node, score, rank, null, null);
		}

		public boolean exact() {
			return this.sample == null;
		}

	}

	/**
	 * How an estimated score was drawn.
	 *
	 * @param method the estimator
	 * @param sampledSources how many source actors were drawn
	 * @param actors how many actors the projection has (the sources an exact answer uses)
	 * @param seed the seed of the draw
	 */
	record Sample(String method, int sampledSources, int actors, long seed) {
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
