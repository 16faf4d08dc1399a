package org.partneratlas.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The node labels of the graph: the closed allow-list that any label in a Cypher statement comes from. Every node
 * also carries {@code Entity} (the id constraint and the full-text index hang on it) and actors carry {@code Actor}.
 * Each label fixes the prefix of its ids and, where it has one, the vocabulary of its {@code kind}.
 */
public enum Label {

	UNION("Union", "union", true, Set.of()),
	COUNTRY("Country", "country", true, Set.of()),
	REGION("Region", "region", true, Set.of("geographic", "neighbourhood", "grouping")),
	INSTITUTION("Institution", "institution", true, Set.of("institution", "service", "council-body")),
	AGENCY("Agency", "agency", true, Set.of("agency", "joint-undertaking", "bank", "body")),
	ORGANISATION("Organisation", "org", true,
			Set.of("association", "company", "university", "csirt", "isac", "standards-body", "multilateral",
					"partnership", "network", "government")),
	COMMUNITY("Community", "community", true, Set.of("community")),
	INSTRUMENT("Instrument", "instrument", false,
			Set.of("trade-and-technology-council", "digital-partnership", "digital-dialogue", "cyber-dialogue",
					"comprehensive-strategic-partnership", "security-defence-partnership", "free-trade-agreement",
					"dcfta", "stabilisation-association-agreement", "digital-trade-agreement", "data-flow-rules",
					"programme-association", "strategic-partnership", "alliance", "administrative-arrangement",
					"cooperation-line", "facility", "pact", "dialogue", "norm", "toolbox")),
	PROGRAMME("Programme", "programme", false, Set.of("funding-programme", "strategy")),
	PROJECT("Project", "project", false,
			Set.of("team-europe-initiative", "platform", "package", "infrastructure", "hub", "research-project",
					"initiative")),
	CABLE("Cable", "cable", false, Set.of("submarine-cable", "terrestrial-link", "route")),
	TOPIC("Topic", "topic", false, Set.of()),
	SOURCE("Source", "source", false, Set.of());

	/** The label every node carries. */
	public static final String ENTITY = "Entity";

	/** The label every actor carries. */
	public static final String ACTOR = "Actor";

	/** Labels whose nodes tie actors together: "A connects to B through X". */
	public static final Set<Label> TIES = Set.of(INSTRUMENT, PROGRAMME, PROJECT, CABLE);

	private final String cypherName;

	private final String prefix;

	private final boolean actor;

	private final Set<String> kinds;

	Label(String cypherName, String prefix, boolean actor, Set<String> kinds) {
		this.cypherName = cypherName;
		this.prefix = prefix;
		this.actor = actor;
		this.kinds = kinds;
	}

	/** The label as it stands in the graph ({@code Country}). */
	public String cypherName() {
		return this.cypherName;
	}

	/** The id prefix, without the colon ({@code country}). */
	public String prefix() {
		return this.prefix;
	}

	public boolean isActor() {
		return this.actor;
	}

	/** The allowed kinds; empty where the label has no kind. */
	public Set<String> kinds() {
		return this.kinds;
	}

	/** All labels a node of this label carries in the graph. */
	public List<String> graphLabels() {
		return this.actor ? List.of(ENTITY, ACTOR, this.cypherName) : List.of(ENTITY, this.cypherName);
	}

	public static Optional<Label> ofCypherName(String name) {
		return Arrays.stream(values()).filter((l) -> l.cypherName.equals(name)).findFirst();
	}

	/** The label of a node from its graph labels ({@code [Entity, Actor, Country]} gives {@link #COUNTRY}). */
	public static Optional<Label> ofGraphLabels(Iterable<String> labels) {
		for (String l : labels) {
			Optional<Label> label = ofCypherName(l);
			if (label.isPresent()) {
				return label;
			}
		}
		return Optional.empty();
	}

	public static List<Label> actors() {
		return Arrays.stream(values()).filter(Label::isActor).toList();
	}

}
