package org.partneratlas.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which actors a question is about: all given filters must hold. The same GraphQL input ({@code ActorFilter}) serves
 * listings, coverage, gaps and analytics; statements receive it as parameters, named with an optional prefix so that
 * one statement can take two filters ({@code labels}, {@code otherLabels}...).
 *
 * @param labels actor labels (all actor labels when absent)
 * @param ids only these actors
 * @param kinds only these kinds
 * @param memberOf only direct members of this grouping
 * @param euStatus only countries with these EU statuses
 * @param sectors only these sectors
 */
public record ActorFilter(List<Label> labels, List<String> ids, List<String> kinds, String memberOf,
		List<String> euStatus, List<String> sectors) {

	public static final ActorFilter ALL = new ActorFilter(null, null, null, null, null, null);

	/** The filter, or every actor when the caller gave none. */
	public static ActorFilter orAll(ActorFilter filter) {
		return (filter != null) ? filter : ALL;
	}

	/** The actor labels to match, checked: a non-actor label is the caller's mistake. */
	public List<Label> actorLabels() {
		if (this.labels == null || this.labels.isEmpty()) {
			return Label.actors();
		}
		this.labels.stream().filter((l) -> !l.isActor()).findFirst().ifPresent((l) -> {
			throw new BadRequestException("an actor filter takes actor labels only; " + l + " is not one");
		});
		return this.labels;
	}

	/**
	 * Refuses values no actor can have (a kind of no actor label asked for, an unknown EU status or sector, an id no
	 * actor can have): such a filter would match nothing, and an empty answer would read as "none".
	 */
	public void check() {
		List<Label> actorLabels = actorLabels();
		Vocabulary.requireKinds("kinds", this.kinds, actorLabels);
		Vocabulary.requireIn("euStatus", this.euStatus, Vocabulary.EU_STATUSES);
		Vocabulary.requireIn("sectors", this.sectors, Vocabulary.SECTORS);
		Vocabulary.requireNodeIds("ids", this.ids, actorLabels.toArray(Label[]::new));
		Vocabulary.requireNodeId("memberOf", this.memberOf, Label.actors().toArray(Label[]::new));
	}

	/**
	 * The statement parameters: {@code labels, ids, kinds, memberOf, euStatus, sectors}, each after the prefix; the
	 * values are checked first ({@link #check()}).
	 */
	public Map<String, Object> parameters(String prefix) {
		check();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put(name(prefix, "labels"), actorLabels().stream().map(Label::cypherName).toList());
		parameters.put(name(prefix, "ids"), this.ids);
		parameters.put(name(prefix, "kinds"), this.kinds);
		parameters.put(name(prefix, "memberOf"), this.memberOf);
		parameters.put(name(prefix, "euStatus"), this.euStatus);
		parameters.put(name(prefix, "sectors"), this.sectors);
		return parameters;
	}

	private static String name(String prefix, String key) {
		return prefix.isEmpty() ? key : prefix + Character.toUpperCase(key.charAt(0)) + key.substring(1);
	}

}
