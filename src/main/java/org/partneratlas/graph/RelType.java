package org.partneratlas.graph;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The relationship types of the graph, each with the labels it may leave and reach. The set is closed: a type in
 * a Cypher statement always comes from here, never from request text.
 */
public enum RelType {

	PARTY_TO(actors(), EnumSet.of(Label.INSTRUMENT)),
	PARTICIPATES_IN(actors(), EnumSet.of(Label.PROJECT, Label.PROGRAMME)),
	MEMBER_OF(actors(), EnumSet.of(Label.UNION, Label.REGION, Label.ORGANISATION, Label.COMMUNITY)),
	PART_OF(EnumSet.of(Label.INSTITUTION, Label.AGENCY, Label.COMMUNITY, Label.ORGANISATION),
			EnumSet.of(Label.UNION, Label.INSTITUTION, Label.AGENCY, Label.ORGANISATION, Label.COMMUNITY)),
	COOPERATES_WITH(actors(), actors()),
	FUNDS(actors(), EnumSet.of(Label.PROJECT, Label.CABLE, Label.PROGRAMME)),
	LANDS_IN(EnumSet.of(Label.CABLE), EnumSet.of(Label.COUNTRY, Label.REGION, Label.UNION)),
	UNDER(EnumSet.of(Label.INSTRUMENT, Label.PROJECT, Label.CABLE, Label.PROGRAMME),
			EnumSet.of(Label.PROGRAMME, Label.INSTRUMENT, Label.PROJECT)),
	CONCERNS(EnumSet.of(Label.INSTRUMENT, Label.PROGRAMME, Label.PROJECT, Label.CABLE, Label.COMMUNITY),
			EnumSet.of(Label.TOPIC)),
	/** An actor supplies (builds, lays) a cable or a project's infrastructure: a cable map's suppliers. */
	SUPPLIES(actors(), EnumSet.of(Label.CABLE, Label.PROJECT));

	private final Set<Label> from;

	private final Set<Label> to;

	RelType(Set<Label> from, Set<Label> to) {
		this.from = from;
		this.to = to;
	}

	public boolean allows(Label fromLabel, Label toLabel) {
		return this.from.contains(fromLabel) && this.to.contains(toLabel);
	}

	public Set<Label> from() {
		return this.from;
	}

	public Set<Label> to() {
		return this.to;
	}

	public static Optional<RelType> of(String name) {
		return Arrays.stream(values()).filter((t) -> t.name().equals(name)).findFirst();
	}

	private static EnumSet<Label> actors() {
		return EnumSet.copyOf(Label.actors());
	}

}
