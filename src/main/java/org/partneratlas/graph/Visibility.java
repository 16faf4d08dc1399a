package org.partneratlas.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the caller may see, as it travels into every read statement: the caller's <em>grants</em>, matched against
 * the <em>access</em> list every node and relationship carries ({@code any(g IN x.access WHERE g IN $grants)}).
 * <p>
 * TLP 2.0 markings become access lists when data is written ({@link #accessOf}): CLEAR, GREEN and AMBER are reached
 * by clearance (each level grants those below it); AMBER+STRICT needs AMBER+STRICT clearance <em>and</em> the owning
 * organisation; RED is reached only by the item's named recipients, never by clearance. Data without an access list
 * matches no caller: unmarked data is never shown.
 *
 * @param clearance the highest marking the caller's role lets it see (RED clearance still needs recipient grants)
 * @param organisation the caller's organisation, if any (for AMBER+STRICT)
 * @param recipients the recipient ids and groups the caller belongs to (for RED)
 */
public record Visibility(Tlp clearance, String organisation, Set<String> recipients) {

	public static final Visibility ANONYMOUS = new Visibility(Tlp.CLEAR, null, Set.of());

	/** Where the caller's visibility is kept in the GraphQL context. */
	public static final String CONTEXT_KEY = "visibility";

	/** A caller cleared up to a marking, with no organisation and no recipient grants. */
	public static Visibility clearedFor(Tlp clearance) {
		return new Visibility(clearance, null, Set.of());
	}

	/** The grants this caller holds. */
	public List<String> grants() {
		List<String> grants = new ArrayList<>();
		for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)) {
			if (tlp.level() <= this.clearance.level()) {
				grants.add("tlp:" + tlp.marking());
			}
		}
		if (this.organisation != null && this.clearance.level() >= Tlp.AMBER_STRICT.level()) {
			grants.add("strict:" + this.organisation);
		}
		this.recipients.forEach((r) -> grants.add("red:" + r));
		return grants;
	}

	/** The visibility parameters, merged into a statement's own parameters. */
	public Map<String, Object> with(Map<String, Object> parameters) {
		Map<String, Object> all = new HashMap<>(parameters);
		all.put("grants", grants());
		return all;
	}

	/**
	 * The access list of an item with a marking: who may see it, as grants.
	 *
	 * @param tlp the marking
	 * @param owner the owning organisation (AMBER+STRICT)
	 * @param recipients the named recipients (RED)
	 */
	public static List<String> accessOf(Tlp tlp, String owner, List<String> recipients) {
		return switch (tlp) {
			case CLEAR, GREEN, AMBER -> List.of("tlp:" + tlp.marking());
			case AMBER_STRICT -> (owner == null) ? List.of() : List.of("strict:" + owner);
			case RED -> recipients.stream().map((r) -> "red:" + r).toList();
		};
	}

}
