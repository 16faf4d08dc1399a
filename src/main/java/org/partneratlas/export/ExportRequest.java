package org.partneratlas.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;

/**
 * What to export: the whole graph the caller may see, a neighbourhood, a path answer or a view (the subgraph on
 * given nodes). The set is closed: each scope has its own statements and its own parameters, and a parameter that
 * belongs to no scope asked for is an error rather than silently ignored.
 */
sealed interface ExportRequest {

	/** The widest view the endpoint takes (the Explorer's canvas holds far fewer). */
	int MAX_VIEW_IDS = 2_000;

	/** A short name for files ({@code neighbourhood-country-IN}). */
	String fileName();

	/** A sentence saying what was asked, for the file's metadata. */
	String describe();

	/** The whole graph the caller may see. */
	record All() implements ExportRequest {

		@Override
		public String fileName() {
			return "all";
		}

		@Override
		public String describe() {
			return "the whole graph the caller may see";
		}

	}

	/** As the API's {@code neighbourhood(id, depth, labels, types, limit)}, with the same limits. */
	record Neighbourhood(String id, int depth, int limit, @Nullable List<Label> labels,
			@Nullable List<RelType> types) implements ExportRequest {

		@Override
		public String fileName() {
			return "neighbourhood-" + safe(this.id);
		}

		@Override
		public String describe() {
			return "the neighbourhood of " + this.id + " (depth " + this.depth + ", limit " + this.limit
					+ ((this.labels != null) ? ", labels " + this.labels.stream().map(Label::cypherName).toList() : "")
					+ ((this.types != null) ? ", types " + this.types : "") + ")";
		}

	}

	/** As the API's {@code paths(from, to, k, maxHops)}: the nodes and edges of the k shortest paths. */
	record Path(String from, String to, int k, int maxHops) implements ExportRequest {

		@Override
		public String fileName() {
			return "path-" + safe(this.from) + "-" + safe(this.to);
		}

		@Override
		public String describe() {
			return "the " + this.k + " shortest paths of at most " + this.maxHops + " relationships from " + this.from
					+ " to " + this.to;
		}

	}

	/** The subgraph on given nodes: the nodes the caller may see and every visible edge among them. */
	record View(List<String> ids) implements ExportRequest {

		@Override
		public String fileName() {
			return "view";
		}

		@Override
		public String describe() {
			return "a view of " + this.ids.size() + " nodes and the edges among them";
		}

	}

	Pattern ID_FORM = Pattern.compile("[a-z][a-z-]*:[^\\s,]{1,200}");

	/**
	 * Reads a request from the endpoint's parameters (each given once); every problem is a
	 * {@link BadRequestException} that says which parameter and why.
	 */
	static ExportRequest of(Map<String, List<String>> parameters) {
		for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
			if (p.getValue().size() > 1) {
				throw new BadRequestException("'" + p.getKey() + "' is given " + p.getValue().size() + " times: give it once");
			}
		}
		Params params = new Params(parameters);
		String scope = params.required("scope", "one of all, neighbourhood, path, view");
		ExportRequest request = switch (scope) {
			case "all" -> new All();
			case "neighbourhood" -> new Neighbourhood(params.id("id"), params.integer("depth", 1, 1, 3),
					params.integer("limit", 100, 1, 500), params.labels(), params.types());
			case "path" -> {
				String from = params.id("from");
				String to = params.id("to");
				if (from.equals(to)) {
					throw new BadRequestException("'from' and 'to' are the same node: a path needs two");
				}
				yield new Path(from, to, params.integer("k", 3, 1, 10), params.integer("maxHops", 4, 1, 6));
			}
			case "view" -> new View(params.ids());
			default -> throw new BadRequestException(
					"unknown scope '" + scope + "': give scope=all, neighbourhood, path or view");
		};
		Set<String> unused = new LinkedHashSet<>(parameters.keySet());
		unused.removeAll(params.read);
		unused.remove("format");
		if (!unused.isEmpty()) {
			throw new BadRequestException("unknown parameter" + ((unused.size() > 1) ? "s " : " ") + unused
					+ " for scope=" + scope);
		}
		return request;
	}

	private static String safe(String id) {
		return id.replaceAll("[^A-Za-z0-9._-]+", "-");
	}

	/** The parameters, and which of them the scope read. */
	final class Params {

		private final Map<String, List<String>> parameters;

		private final Set<String> read = new LinkedHashSet<>();

		Params(Map<String, List<String>> parameters) {
			this.parameters = parameters;
		}

		@Nullable String optional(String name) {
			this.read.add(name);
			List<String> values = this.parameters.get(name);
			return (values == null || values.isEmpty() || values.getFirst().isBlank()) ? null
					: values.getFirst().strip();
		}

		String required(String name, String expected) {
			String value = optional(name);
			if (value == null) {
				throw new BadRequestException("'" + name + "' is missing: give " + expected);
			}
			return value;
		}

		String id(String name) {
			String id = required(name, "a node id such as country:IN");
			if (!ID_FORM.matcher(id).matches()) {
				throw new BadRequestException("'" + name + "' is not a node id (prefix:name, e.g. country:IN): '"
						+ abbreviate(id) + "'");
			}
			return id;
		}

		int integer(String name, int byDefault, int min, int max) {
			String value = optional(name);
			if (value == null) {
				return byDefault;
			}
			try {
				int n = Integer.parseInt(value);
				BadRequestException.requireBetween(name, n, min, max);
				return n;
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException("'" + name + "' must be a whole number between " + min + " and " + max
						+ ", not '" + abbreviate(value) + "'");
			}
		}

		@Nullable List<Label> labels() {
			return list("labels", (text) -> Label.ofCypherName(text)
				.or(() -> java.util.Arrays.stream(Label.values()).filter((l) -> l.name().equals(text)).findFirst())
				.orElseThrow(() -> new BadRequestException("unknown label '" + abbreviate(text) + "' in 'labels' (expected "
						+ java.util.Arrays.stream(Label.values()).map(Label::cypherName).toList() + ")")));
		}

		@Nullable List<RelType> types() {
			return list("types", (text) -> RelType.of(text)
				.orElseThrow(() -> new BadRequestException("unknown relationship type '" + abbreviate(text)
						+ "' in 'types' (expected " + java.util.Arrays.toString(RelType.values()) + ")")));
		}

		List<String> ids() {
			String text = required("ids", "the node ids of the view, comma-separated");
			List<String> ids = new ArrayList<>(new LinkedHashSet<>(List.of(text.split(",")).stream()
				.map(String::strip)
				.filter((s) -> !s.isEmpty())
				.toList()));
			if (ids.isEmpty() || ids.size() > MAX_VIEW_IDS) {
				throw new BadRequestException("'ids' must hold 1 to " + MAX_VIEW_IDS + " node ids, not " + ids.size());
			}
			List<String> malformed = ids.stream().filter((id) -> !ID_FORM.matcher(id).matches()).limit(5).toList();
			if (!malformed.isEmpty()) {
				throw new BadRequestException("'ids' holds text that is not a node id (prefix:name): "
						+ malformed.stream().map(ExportRequest::abbreviate).toList());
			}
			return ids;
		}

		private <T> @Nullable List<T> list(String name, java.util.function.Function<String, T> parse) {
			String text = optional(name);
			if (text == null) {
				return null;
			}
			return List.of(text.split(",")).stream().map(String::strip).filter((s) -> !s.isEmpty()).map(parse).toList();
		}

	}

	static String abbreviate(String text) {
		return (text.length() > 60) ? text.substring(0, 60) + "..." : text;
	}

}
