package org.partneratlas.graph;

import java.util.Arrays;
import java.util.Optional;

/**
 * A Traffic Light Protocol 2.0 marking. Every node and relationship carries one, with its level and the access list
 * derived from it ({@link Visibility#accessOf}) that every read matches against the caller's grants.
 */
public enum Tlp {

	CLEAR("CLEAR"), GREEN("GREEN"), AMBER("AMBER"), AMBER_STRICT("AMBER+STRICT"), RED("RED");

	private final String marking;

	Tlp(String marking) {
		this.marking = marking;
	}

	/** The marking as TLP 2.0 writes it ({@code AMBER+STRICT}). */
	public String marking() {
		return this.marking;
	}

	/** Order of confidentiality, 0 for CLEAR to 4 for RED. */
	public int level() {
		return ordinal();
	}

	public static Optional<Tlp> ofMarking(String marking) {
		return Arrays.stream(values()).filter((t) -> t.marking.equals(marking)).findFirst();
	}

	public static Tlp ofLevel(long level) {
		return values()[(int) Math.max(0, Math.min(RED.ordinal(), level))];
	}

}
