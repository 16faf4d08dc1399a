package org.partneratlas.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.WriteRefusedException;

/**
 * Reads and checks a view's state as the API takes it: the steps the page can replay (add, expand, remove, path, and a catalogue question: query)
 * with their own bounds, a date in the API's form, a known panel, finite positions. Every problem is reported at
 * once, each on its input field. An expansion's limit is stored rounded up to a few fixed sizes: the exact number a
 * saver reached by asking for more is derived from how many neighbours <em>they</em> saw, which an opener with less
 * clearance must not learn.
 */
final class ViewStates {

	static final int MAX_STEPS = 200;

	static final int MAX_POSITIONS = 500;

	static final int MAX_KINDS = 30;

	static final Set<String> OPS = Set.of("add", "expand", "remove", "path", "query");

	/** The most characters a query step's variables take, as JSON text. */
	static final int MAX_VARS = 1_000;

	/** How deep a query step's variables nest. */
	static final int MAX_DEPTH = 8;

	/** A catalogue id: {@code id} or {@code id@version}, as {@link QueryCatalogue} reads it. */
	private static final Pattern DOC = Pattern.compile("[^@\\s]{1,200}(?:@[0-9]{1,9})?");

	/** A node id's form: a label's prefix, a colon, then letters, digits, dots, underscores and dashes. */
	private static final Pattern NODE_ID = Pattern.compile("[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*");

	static final Set<String> TABS = Set.of("profile", "paths", "coverage", "timeline");

	static final List<Integer> LIMITS = List.of(25, 50, 100, 250, 500);

	private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

	private ViewStates() {
	}

	@SuppressWarnings("unchecked")
	static ViewState of(@Nullable Map<String, Object> input) {
		List<Map<String, String>> problems = new ArrayList<>();
		Map<String, Object> state = (input != null) ? input : Map.of();
		List<Map<String, Object>> stepInputs = (state.get("steps") instanceof List<?> l) ? (List<Map<String, Object>>) l
				: List.of();
		if (stepInputs.size() > MAX_STEPS) {
			problems.add(problem("input.state.steps", "at most " + MAX_STEPS + " steps, not " + stepInputs.size()));
			stepInputs = List.of();
		}
		List<ViewState.Step> steps = new ArrayList<>();
		for (int i = 0; i < stepInputs.size(); i++) {
			ViewState.Step step = step(stepInputs.get(i), "input.state.steps[" + i + "]", problems);
			if (step != null) {
				steps.add(step);
			}
		}
		String asOf = text(state.get("asOf"));
		if (asOf != null && !DATE.matcher(asOf).matches()) {
			problems.add(problem("input.state.asOf", "a date is YYYY, YYYY-MM or YYYY-MM-DD, not '" + asOf + "'"));
		}
		String tab = text(state.get("tab"));
		if (tab != null && !TABS.contains(tab)) {
			problems.add(problem("input.state.tab", "'" + tab + "' is not one of " + TABS.stream().sorted().toList()));
		}
		List<Map<String, Object>> positionInputs = (state.get("positions") instanceof List<?> p)
				? (List<Map<String, Object>>) p : List.of();
		if (positionInputs.size() > MAX_POSITIONS) {
			problems.add(problem("input.state.positions", "at most " + MAX_POSITIONS + " positions, not "
					+ positionInputs.size()));
			positionInputs = List.of();
		}
		List<ViewState.Position> positions = new ArrayList<>();
		for (int i = 0; i < positionInputs.size(); i++) {
			Map<String, Object> p = positionInputs.get(i);
			double x = ((Number) p.get("x")).doubleValue();
			double y = ((Number) p.get("y")).doubleValue();
			String id = text(p.get("id"));
			if (id == null || !Double.isFinite(x) || !Double.isFinite(y)) {
				problems.add(problem("input.state.positions[" + i + "]", "a position is a node id and finite x and y"));
				continue;
			}
			positions.add(new ViewState.Position(id, x, y));
		}
		if (!problems.isEmpty()) {
			throw WriteRefusedException.invalid(problems);
		}
		return new ViewState(List.copyOf(steps), asOf, text(state.get("selected")), (tab != null) ? tab : "profile",
				List.copyOf(positions));
	}

	private static ViewState.@Nullable Step step(Map<String, Object> s, String field,
			List<Map<String, String>> problems) {
		String op = text(s.get("op"));
		if (op == null || !OPS.contains(op)) {
			problems.add(problem(field + ".op", "'" + op + "' is not one of " + OPS.stream().sorted().toList()));
			return null;
		}
		if ("query".equals(op)) {
			return query(s, field, problems);
		}
		String id = text(s.get("id"));
		String from = text(s.get("from"));
		String to = text(s.get("to"));
		if ("path".equals(op)) {
			if (from == null || to == null) {
				problems.add(problem(field, "a path step names its 'from' and 'to' nodes"));
				return null;
			}
			Integer k = (s.get("k") instanceof Number n) ? n.intValue() : null;
			if (k != null && (k < 1 || k > 10)) {
				problems.add(problem(field + ".k", "'k' must be between 1 and 10, not " + k));
			}
			List<String> only = kinds(s.get("only"), field + ".only", problems);
			List<String> avoid = kinds(s.get("avoid"), field + ".avoid", problems);
			return new ViewState.Step(op, null, from, to, k, only, avoid, null, null, null);
		}
		if (id == null) {
			problems.add(problem(field + ".id", "an " + op + " step names its node"));
			return null;
		}
		if (!"expand".equals(op)) {
			return new ViewState.Step(op, id, null, null, null, null, null, null, null, null);
		}
		List<String> types = names(s.get("types"), field + ".types", problems, RelType.class);
		List<String> labels = names(s.get("labels"), field + ".labels", problems, Label.class);
		Integer limit = null;
		if (s.get("limit") instanceof Number n) {
			int asked = n.intValue();
			if (asked < 1 || asked > 500) {
				problems.add(problem(field + ".limit", "'limit' must be between 1 and 500, not " + asked));
			}
			limit = LIMITS.stream().filter((l) -> l >= asked).findFirst().orElse(500);
		}
		return new ViewState.Step(op, id, null, null, null, null, null, types, labels, limit);
	}

	private static ViewState.@Nullable Step query(Map<String, Object> s, String field,
			List<Map<String, String>> problems) {
		String doc = text(s.get("doc"));
		if (doc == null || !DOC.matcher(doc).matches() || doc.startsWith(ExplorerDocuments.PREFIX)) {
			problems.add(problem(field + ".doc", "a query step names a catalogue entry as 'id' or 'id@version', not '"
					+ ((doc == null) ? "" : abbreviated(doc)) + "'"));
			return null;
		}
		String vars = (s.get("vars") instanceof String v && !v.isBlank()) ? v : "{}";
		if (vars.length() > MAX_VARS) {
			problems.add(problem(field + ".vars", "the variables take at most " + MAX_VARS + " characters of JSON, not "
					+ vars.length()));
			return null;
		}
		Object parsed;
		try {
			parsed = QueryDocuments.JSON.readValue(vars, Object.class);
		}
		catch (RuntimeException ex) {
			problems.add(problem(field + ".vars", "the variables are not JSON: " + abbreviated(String.valueOf(ex.getMessage()))));
			return null;
		}
		if (!(parsed instanceof Map<?, ?> object)) {
			problems.add(problem(field + ".vars", "the variables are a JSON object ({\"name\": value, ...})"));
			return null;
		}
		if (depth(object) > MAX_DEPTH) {
			problems.add(problem(field + ".vars", "the variables nest at most " + MAX_DEPTH + " levels deep"));
			return null;
		}
		return new ViewState.Step("query", null, null, null, null, null, null, null, null, null, doc,
				QueryDocuments.JSON.writeValueAsString(object));
	}

	/** Every string anywhere in a query step's variables (JSON text) that has a node id's form. */
	static List<String> idsIn(@Nullable String vars) {
		if (vars == null || vars.isBlank()) {
			return List.of();
		}
		Set<String> ids = new java.util.LinkedHashSet<>();
		collect(QueryDocuments.JSON.readValue(vars, Object.class), ids);
		return List.copyOf(ids);
	}

	private static void collect(@Nullable Object value, Set<String> ids) {
		if (value instanceof String text) {
			if (NODE_ID.matcher(text).matches()) {
				ids.add(text);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach((v) -> collect(v, ids));
		}
		else if (value instanceof List<?> list) {
			list.forEach((v) -> collect(v, ids));
		}
	}

	private static int depth(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			return 1 + map.values().stream().mapToInt(ViewStates::depth).max().orElse(0);
		}
		if (value instanceof List<?> list) {
			return 1 + list.stream().mapToInt(ViewStates::depth).max().orElse(0);
		}
		return 0;
	}

	private static String abbreviated(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

	private static @Nullable List<String> kinds(@Nullable Object value, String field,
			List<Map<String, String>> problems) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			return null;
		}
		if (list.size() > MAX_KINDS) {
			problems.add(problem(field, "at most " + MAX_KINDS + " kinds"));
			return null;
		}
		return list.stream().map(String::valueOf).toList();
	}

	private static <E extends Enum<E>> @Nullable List<String> names(@Nullable Object value, String field,
			List<Map<String, String>> problems, Class<E> type) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			return null;
		}
		List<String> names = new ArrayList<>();
		for (Object item : list) {
			try {
				names.add(Enum.valueOf(type, String.valueOf(item)).name());
			}
			catch (IllegalArgumentException ex) {
				problems.add(problem(field, "'" + item + "' is not a " + type.getSimpleName()));
			}
		}
		return names;
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value instanceof String s && !s.isBlank()) ? s.strip() : null;
	}

	private static Map<String, String> problem(String field, String reason) {
		return Map.of("field", field, "reason", reason);
	}

}
