package org.partneratlas.editing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Author;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.WriteRefusedException;
import org.partneratlas.graph.WriteRefusedException.Reason;

/**
 * An item's marking as stored: the TLP level, the owner (AMBER+STRICT), the named recipients (RED) and the access
 * list derived from them. It decides whether an author may write an item so marked.
 *
 * @param tlp the marking
 * @param owner the owning organisation, or null
 * @param recipients the named recipients (RED), or empty
 * @param access the access list (grants that see the item)
 */
record Marking(Tlp tlp, @Nullable String owner, List<String> recipients, List<String> access) {

	static Marking of(Map<String, Object> stored) {
		Tlp tlp = (stored.get("tlpLevel") instanceof Number n) ? Tlp.ofLevel(n.longValue()) : Tlp.RED;
		return new Marking(tlp, (stored.get("owner") instanceof String s) ? s : null, texts(stored.get("recipients")),
				texts(stored.get("access")));
	}

	/**
	 * Refuses a write the author may not make: a marking above the author's clearance (before or after), a result
	 * the author could not see, or a lowered marking (a lower level, wider RED recipients, another AMBER+STRICT
	 * owner) without the admin role.
	 *
	 * @param author who writes
	 * @param before the item's marking before the write, or null for a new item
	 */
	void allowedFor(Author author, @Nullable Marking before) {
		Tlp clearance = author.visibility().clearance();
		if (before != null && before.tlp.level() > clearance.level()) {
			throw new WriteRefusedException(Reason.FORBIDDEN, "The item is marked " + before.tlp.marking()
					+ ", above your clearance (" + clearance.marking() + "): you may not change it");
		}
		if (this.tlp.level() > clearance.level()) {
			throw new WriteRefusedException(Reason.FORBIDDEN, "You are cleared up to " + clearance.marking()
					+ " and may not write data marked " + this.tlp.marking());
		}
		List<String> grants = author.visibility().grants();
		if (this.access.stream().noneMatch(grants::contains)) {
			throw new WriteRefusedException(Reason.FORBIDDEN, switch (this.tlp) {
				case AMBER_STRICT -> "AMBER+STRICT data is seen by its owner's members only; you could not see data owned by "
						+ this.owner + " (your organisation: " + author.visibility().organisation() + ")";
				case RED -> "RED data is seen by its named recipients only; name yourself or one of your groups among them "
						+ "(yours: " + author.visibility().recipients().stream().sorted().toList() + ")";
				default -> "You could not see data marked " + this.tlp.marking();
			});
		}
		if (before != null && !author.admin() && lowers(before)) {
			throw new WriteRefusedException(Reason.FORBIDDEN, "Lowering a marking (" + before.describe() + " to "
					+ describe() + ") needs the admin role");
		}
	}

	/** Whether this marking shares the item more widely than {@code before} did. */
	boolean lowers(Marking before) {
		if (this.tlp.level() != before.tlp.level()) {
			return this.tlp.level() < before.tlp.level();
		}
		return switch (this.tlp) {
			case AMBER_STRICT -> !java.util.Objects.equals(this.owner, before.owner);
			case RED -> !before.recipients.containsAll(this.recipients);
			default -> false;
		};
	}

	private String describe() {
		return switch (this.tlp) {
			case AMBER_STRICT -> "AMBER+STRICT owned by " + this.owner;
			case RED -> "RED for " + this.recipients;
			default -> this.tlp.marking();
		};
	}

	private static List<String> texts(@Nullable Object value) {
		return (value instanceof List<?> l) ? l.stream().map(String::valueOf).toList() : List.of();
	}

}
