package org.partneratlas.access;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import org.springframework.graphql.execution.ErrorType;

/**
 * What a request costs, worked out from its document and variables before anything runs, and the checks that go with
 * it. One instance prices one request.
 * <ul>
 * <li>Every argument that sizes an answer or its work is range-checked first ({@link #RANGES}): an out-of-range value
 * is a {@code BAD_REQUEST} naming the field, the argument and the range, and is never priced.</li>
 * <li>A field costs 1, plus its children and the {@code __typename}s it selects, times the list size its arguments
 * ask for ({@code first}, {@code last}, {@code limit}, {@code top}, {@code k}, or the number of {@code ids}); the
 * root's own {@code __typename}s cost 1 each.</li>
 * <li>The questions that start graph work are priced by that work ({@link #work}): centrality, brokers and
 * communities read and compute over the whole visible projection; paths search k paths of up to maxHops; a
 * neighbourhood walks depth levels up to limit nodes. A request asks at most {@code maxExpensive} distinct such
 * questions; the same question asked again (another alias, another selection) is worked out once and priced once.</li>
 * <li>The arithmetic saturates: no field costs more than {@code ceiling} (one above the limit), so no sum can
 * overflow, since a body of 64 KiB holds far fewer than 2^31 / ceiling fields in one selection.</li>
 * </ul>
 */
final class RequestCost implements FieldComplexityCalculator {

	/** Arguments that say how many items a list field may return. */
	static final List<String> SIZE_ARGUMENTS = List.of("first", "last", "limit", "top", "k");

	/**
	 * The allowed range of each sizing argument, by field ({@code field.argument}), as the fields' resolvers check them;
	 * a sizing argument of a field not listed here is allowed 1 to 500.
	 */
	static final Map<String, int[]> RANGES = Map.ofEntries(Map.entry("search.first", new int[] { 1, 50 }),
			Map.entry("actors.first", new int[] { 1, 100 }), Map.entry("actors.last", new int[] { 1, 100 }),
			Map.entry("instruments.first", new int[] { 1, 100 }), Map.entry("instruments.last", new int[] { 1, 100 }),
			Map.entry("centrality.top", new int[] { 1, 100 }), Map.entry("brokers.top", new int[] { 1, 100 }),
			Map.entry("neighbourhood.depth", new int[] { 1, 3 }), Map.entry("neighbourhood.limit", new int[] { 1, 500 }),
			Map.entry("paths.k", new int[] { 1, 10 }), Map.entry("paths.maxHops", new int[] { 1, 6 }),
			Map.entry("commonPartners.limit", new int[] { 1, 500 }), Map.entry("coverage.limit", new int[] { 1, 500 }),
			Map.entry("gaps.limit", new int[] { 1, 500 }), Map.entry("untied.limit", new int[] { 1, 500 }),
			Map.entry("history.first", new int[] { 1, 200 }), Map.entry("nodes.ids", new int[] { 0, 100 }),
			// hotshapes (issue 13 §2): the bounded profile, timeline and shared ties
			Map.entry("profile.limit", new int[] { 1, 1000 }), Map.entry("timeline.first", new int[] { 1, 2000 }),
			Map.entry("connections.limit", new int[] { 1, 1000 }));

	private static final int[] DEFAULT_RANGE = { 1, 500 };

	/** Root fields that start graph work beyond reading what they return. */
	static final Set<String> EXPENSIVE = Set.of("centrality", "brokers", "communities", "paths", "neighbourhood");

	private final int ceiling;

	private final int maxExpensive;

	private final Set<String> questions = new HashSet<>();

	RequestCost(int maxCost, int maxExpensive) {
		this.ceiling = maxCost + 1;
		this.maxExpensive = maxExpensive;
	}

	/** The distinct expensive questions priced so far. */
	int expensiveQuestions() {
		return this.questions.size();
	}

	@Override
	public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
		String field = environment.getField().getName();
		Map<String, Object> arguments = environment.getArguments();
		long size = 1;
		for (Map.Entry<String, Object> argument : arguments.entrySet()) {
			String name = argument.getKey();
			if (argument.getValue() instanceof Number n) {
				checkRange(environment, name, n);
				if (SIZE_ARGUMENTS.contains(name)) {
					size = Math.max(size, n.longValue());
				}
			}
			else if ("ids".equals(name) && argument.getValue() instanceof List<?> ids) {
				checkRange(environment, name, ids.size());
				size = Math.max(size, ids.size());
			}
		}
		long work = 0;
		if (environment.getParentType().getName().equals("Query") && EXPENSIVE.contains(field)) {
			// the same question (field and arguments, whatever the alias and selection) is worked out once
			if (this.questions.add(field + new TreeMap<>(arguments))) {
				if (this.questions.size() > this.maxExpensive) {
					throw refused("at most " + this.maxExpensive + " distinct questions of centrality, brokers, "
							+ "communities, paths and neighbourhood in one request; split the request");
				}
				work = work(field, arguments);
			}
		}
		long own = 1L + childComplexity + typenames(environment.getField().getSelectionSet());
		return saturate(work + own * size);
	}

	/** The cost of the graph work a question starts (see the class comment). */
	static long work(String field, Map<String, Object> arguments) {
		return switch (field) {
			case "centrality" -> switch (String.valueOf(arguments.get("measure"))) {
				case "BETWEENNESS" -> 2_000;
				case "PAGERANK" -> 1_000;
				default -> 500;
			};
			case "brokers" -> 2_000;
			case "communities" -> 1_000;
			case "paths" -> 40L * number(arguments.get("k"), 3) * number(arguments.get("maxHops"), 4);
			case "neighbourhood" -> (long) number(arguments.get("depth"), 1) * number(arguments.get("limit"), 100);
			default -> 0;
		};
	}

	/** The root's own {@code __typename}s, which graphql-java's traversal leaves out. */
	int rootTypenames(SelectionSet selections) {
		return typenames(selections);
	}

	private int saturate(long cost) {
		return (int) Math.min(this.ceiling, Math.max(0, cost));
	}

	private static void checkRange(FieldComplexityEnvironment environment, String argument, Number value) {
		String field = environment.getField().getName();
		int[] range = RANGES.get(field + "." + argument);
		if (range == null) {
			if (!SIZE_ARGUMENTS.contains(argument)) {
				return;
			}
			range = DEFAULT_RANGE;
		}
		long v = value.longValue();
		if (v < range[0] || v > range[1]) {
			// the message and path the field's resolver would give, before anything is priced or run
			List<Object> path = new java.util.ArrayList<>();
			for (FieldComplexityEnvironment e = environment; e != null; e = e.getParentEnvironment()) {
				path.addFirst(e.getField().getResultKey());
			}
			throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message("'" + argument + "' must be between " + range[0] + " and " + range[1] + ", not " + value)
				.path(path)
				.build()));
		}
	}

	private static int number(Object value, int otherwise) {
		return (value instanceof Number n) ? n.intValue() : otherwise;
	}

	static AbortExecutionException refused(String message) {
		return new AbortExecutionException(
				List.of(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message).build()));
	}

	/**
	 * The {@code __typename}s selected directly (or through inline fragments) in a selection set: graphql-java's
	 * traversal skips them, so a thousand aliased {@code __typename}s are counted here.
	 */
	static int typenames(SelectionSet selections) {
		if (selections == null) {
			return 0;
		}
		int count = 0;
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field && "__typename".equals(field.getName())) {
				count++;
			}
			else if (selection instanceof InlineFragment fragment) {
				count += typenames(fragment.getSelectionSet());
			}
		}
		return count;
	}

}
