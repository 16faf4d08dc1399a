package org.partneratlas.graph;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The closed vocabularies of the graph (statuses, sectors, EU statuses; kinds live on {@link Label}) and the checks
 * every question runs on the values it takes from them. A value outside a vocabulary can match nothing, so a question
 * that names one is a mistake, not a question whose answer is empty: it is refused with the allowed values, and a
 * kind that exists but belongs to a label the question does not look at is refused saying so. The seed files and the
 * writes check their values against the same sets.
 */
public final class Vocabulary {

	/** Statuses of instruments, programmes, projects, cables and ties. */
	public static final Set<String> STATUSES = Set.of("announced", "planned", "negotiating", "concluded", "signed",
			"in-force", "ongoing", "expected", "ended");

	/** Sectors of actors. */
	public static final Set<String> SECTORS = Set.of("civilian", "defence", "dual-use");

	/** EU statuses of countries. */
	public static final Set<String> EU_STATUSES = Set.of("member", "candidate", "potential-candidate", "eea-efta",
			"other");

	/** A node id: a label's prefix, a colon, then letters, digits, dots, underscores and dashes. */
	private static final Pattern NODE_ID = Pattern.compile("([a-z]+):[A-Za-z0-9][A-Za-z0-9._-]*");

	private Vocabulary() {
	}

	/** Refuses any value of {@code values} outside {@code allowed}, naming the argument and listing what is allowed. */
	public static void requireIn(String argument, Collection<String> values, Set<String> allowed) {
		if (values == null) {
			return;
		}
		for (String value : values) {
			if (!allowed.contains(value)) {
				throw new BadRequestException(
						"'" + argument + "': unknown value '" + value + "' (allowed: " + sorted(allowed) + ")");
			}
		}
	}

	/**
	 * Refuses any kind that is not a kind of one of {@code labels}; a kind of another label is refused saying which
	 * label has it and that this question does not look at that label.
	 */
	public static void requireKinds(String argument, Collection<String> kinds, Collection<Label> labels) {
		if (kinds == null) {
			return;
		}
		Set<String> allowed = kindsOf(labels);
		for (String kind : kinds) {
			if (allowed.contains(kind)) {
				continue;
			}
			List<String> owners = java.util.Arrays.stream(Label.values())
				.filter((l) -> l.kinds().contains(kind))
				.map(Label::name)
				.toList();
			String names = labels.stream().map(Label::name).sorted().collect(Collectors.joining(", "));
			if (!owners.isEmpty()) {
				throw new BadRequestException("'" + argument + "': '" + kind + "' is a kind of " + String.join(", ", owners)
						+ ", which this question does not look at (it looks at " + names + "; their kinds: "
						+ sorted(allowed) + ")");
			}
			throw new BadRequestException("'" + argument + "': unknown kind '" + kind + "' for " + names + " (allowed: "
					+ sorted(allowed) + ")");
		}
	}

	/** The kinds of these labels. */
	public static Set<String> kindsOf(Collection<Label> labels) {
		Set<String> kinds = new TreeSet<>();
		labels.forEach((l) -> kinds.addAll(l.kinds()));
		return kinds;
	}

	/**
	 * Refuses an id that no node can have: not of the id form, or with a prefix that is not one of {@code labels}'
	 * (all labels when none are given). A well-formed id of no node stays a question (its answer is that of a missing
	 * node, which is also that of a hidden one).
	 */
	public static void requireNodeIds(String argument, Collection<String> ids, Label... labels) {
		if (ids == null) {
			return;
		}
		List<Label> accepted = (labels.length == 0) ? List.of(Label.values()) : List.of(labels);
		for (String id : ids) {
			var matcher = (id != null) ? NODE_ID.matcher(id) : null;
			if (matcher == null || !matcher.matches()) {
				throw new BadRequestException("'" + argument + "': '" + clip(id) + "' is not a node id (the form is "
						+ "prefix:name, e.g. country:IN or topic:cybersecurity)");
			}
			String prefix = matcher.group(1);
			if (accepted.stream().noneMatch((l) -> l.prefix().equals(prefix))) {
				throw new BadRequestException("'" + argument + "': '" + clip(id) + "' cannot be the id of a "
						+ accepted.stream().map(Label::name).collect(Collectors.joining(" or ")) + " (their ids start with "
						+ accepted.stream().map((l) -> l.prefix() + ":").collect(Collectors.joining(", ")) + ")");
			}
		}
	}

	/** Refuses one id that no node can have (see {@link #requireNodeIds}). */
	public static void requireNodeId(String argument, String id, Label... labels) {
		if (id != null) {
			requireNodeIds(argument, List.of(id), labels);
		}
	}

	private static String clip(String value) {
		if (value == null) {
			return "null";
		}
		return (value.length() > 80) ? value.substring(0, 80) + "..." : value;
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

}
