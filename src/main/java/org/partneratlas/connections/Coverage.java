package org.partneratlas.connections;

import java.util.List;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;

/**
 * Actors against instrument kinds.
 *
 * @param kinds the columns, in the order asked
 * @param rows one row an actor, by name
 * @param truncated true when more actors matched than the rows answered (the limit or the work budget cut them)
 * @param cut true when the work budget cut the rows (the rows answered are whole; actors after them are left out)
 */
record Coverage(List<String> kinds, List<Row> rows, boolean truncated, boolean cut) {

	/** Why rows are missing, when the work budget cut them; null otherwise. */
	public String message() {
		if (!this.cut) {
			return null;
		}
		return (this.rows.isEmpty() ? "No row answered: the first actor alone"
				: "Only the first " + this.rows.size() + " actors answered: the next ones")
				+ " would need more than the " + ConnectionQueries.COVERAGE_BUDGET
				+ " instrument ties one request may read (its work budget; ties of every kind count, the kinds not "
				+ "asked for included). Ask about fewer actors: a narrower 'actors' filter, e.g. a group ('memberOf')";
	}

	/**
	 * One actor's row.
	 *
	 * @param actor the actor
	 * @param cells one cell a kind, in column order
	 */
	record Row(Entity actor, List<Cell> cells) {

		/** How many of the kinds the actor has at least one instrument of. */
		public int covered() {
			return (int) this.cells.stream().filter((c) -> !c.instruments().isEmpty()).count();
		}

	}

	/**
	 * The instruments of one kind an actor is party to.
	 *
	 * @param kind the kind
	 * @param instruments the instruments, with the actor's edge to each
	 */
	record Cell(String kind, List<Held> instruments) {
	}

	/**
	 * An instrument an actor is party to.
	 *
	 * @param instrument the instrument
	 * @param edge the actor's PARTY_TO edge (role, dates, sources)
	 */
	record Held(Entity instrument, Edge edge) {
	}

	/**
	 * An actor that answers a gap question, with the instruments of the kinds it has.
	 *
	 * @param actor the actor
	 * @param has its instruments of the kinds asked for
	 */
	record Gap(Entity actor, List<Held> has) {
	}

}
