package org.partneratlas.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Author;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.graph.WriteRefusedException;
import org.partneratlas.graph.WriteRefusedException.Reason;

/**
 * The marking of a saved query or view: its TLP level, the organisation (AMBER+STRICT) or recipients (RED), and the
 * access list derived from them by the same {@link Visibility#accessOf} as every graph item's, so that reads filter
 * saved items with the same predicate as nodes. The marking is the item's, not a version's: every version carries
 * it (see {@code save-version.cypher}), so nobody can see one version of an item and not another, and no version
 * number tells of a hidden one.
 *
 * @param tlp the level
 * @param organisation the owning organisation (AMBER+STRICT)
 * @param recipients the named recipients (RED)
 */
record SavedMarking(Tlp tlp, @Nullable String organisation, List<String> recipients) {

	/** The grants that see an item so marked. */
	List<String> access() {
		return Visibility.accessOf(this.tlp, this.organisation, this.recipients);
	}

	/** The marking an input asks for ({@code marking}, {@code organisation}, {@code recipients}). */
	static SavedMarking of(Map<String, Object> input) {
		Tlp tlp = Tlp.valueOf(String.valueOf(input.get("marking")));
		String organisation = (input.get("organisation") instanceof String s && !s.isBlank()) ? s.strip() : null;
		List<String> recipients = new ArrayList<>();
		if (input.get("recipients") instanceof List<?> list) {
			list.forEach((r) -> recipients.add(String.valueOf(r).strip()));
		}
		return new SavedMarking(tlp, (tlp == Tlp.AMBER_STRICT) ? organisation : null,
				(tlp == Tlp.RED) ? List.copyOf(recipients) : List.of());
	}

	/** The marking as stored on a version. */
	static SavedMarking stored(Map<String, Object> props) {
		Tlp tlp = Tlp.valueOf(String.valueOf(props.get("tlp")));
		List<String> recipients = (props.get("recipients") instanceof List<?> l)
				? l.stream().map(String::valueOf).toList() : List.of();
		return new SavedMarking(tlp, (String) props.get("organisation"), recipients);
	}

	/** The stored properties of this marking. */
	void into(Map<String, Object> props) {
		props.put("tlp", this.tlp.name());
		props.put("tlpLevel", this.tlp.level());
		props.put("organisation", this.organisation);
		props.put("recipients", this.recipients);
		props.put("access", access());
	}

	/**
	 * Refuses a marking the author may not give: above their clearance, one they could not see themselves, an
	 * AMBER+STRICT one without its organisation or a RED one without recipients, or (without the admin role) one
	 * that shares the item more widely than {@code before} did, since the marking covers the earlier versions too.
	 */
	void allowedFor(Author author, @Nullable SavedMarking before) {
		List<java.util.Map<String, String>> problems = new ArrayList<>();
		if (this.tlp == Tlp.AMBER_STRICT && this.organisation == null) {
			problems.add(Map.of("field", "input.organisation", "reason",
					"an AMBER_STRICT marking names the organisation whose members may see it"));
		}
		if (this.tlp == Tlp.RED && this.recipients.isEmpty()) {
			problems.add(Map.of("field", "input.recipients", "reason",
					"a RED marking names the people or groups it is shared with"));
		}
		if (!problems.isEmpty()) {
			throw WriteRefusedException.invalid(problems);
		}
		Tlp clearance = author.visibility().clearance();
		if (this.tlp.level() > clearance.level()) {
			throw new WriteRefusedException(Reason.FORBIDDEN, "You are cleared up to " + clearance.marking()
					+ " and may not mark what you save " + this.tlp.marking());
		}
		List<String> grants = author.visibility().grants();
		if (access().stream().noneMatch(grants::contains)) {
			throw new WriteRefusedException(Reason.FORBIDDEN, switch (this.tlp) {
				case AMBER_STRICT -> "AMBER+STRICT is seen by the organisation's members only; you could not see what "
						+ "you save for " + this.organisation + " (your organisation: "
						+ author.visibility().organisation() + ")";
				case RED -> "RED is seen by its named recipients only; name yourself or one of your groups among them "
						+ "(yours: " + author.visibility().recipients().stream().sorted().toList() + ")";
				default -> "You could not see what you save marked " + this.tlp.marking();
			});
		}
		if (before != null && !author.admin() && lowers(before)) {
			throw new WriteRefusedException(Reason.FORBIDDEN, "Lowering the marking of a saved item (" + before.describe()
					+ " to " + describe() + ") needs the admin role: the marking covers its earlier versions too");
		}
	}

	/** Whether this marking shares an item more widely than {@code before} did. */
	boolean lowers(SavedMarking before) {
		if (this.tlp.level() != before.tlp.level()) {
			return this.tlp.level() < before.tlp.level();
		}
		return switch (this.tlp) {
			case AMBER_STRICT -> !Objects.equals(this.organisation, before.organisation);
			case RED -> !before.recipients.containsAll(this.recipients);
			default -> false;
		};
	}

	String describe() {
		return switch (this.tlp) {
			case AMBER_STRICT -> "AMBER+STRICT for " + this.organisation;
			case RED -> "RED for " + this.recipients;
			default -> this.tlp.marking();
		};
	}

}
