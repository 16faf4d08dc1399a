package org.partneratlas.catalogue;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.RelType;

/**
 * Everything that ties a node, within a limit on ties and a work budget on their counterparts.
 *
 * @param node the node
 * @param ties its first edges (by type, then the other end's name), each with the node at the other end and who else
 * is tied through it
 * @param counts every visible edge of the node counted by type and direction, the ties left out included
 * @param cut true when the work budget on counterparts stopped the ties before the limit did (the ties answered are
 * whole; the ones after them are left out)
 */
record Profile(Entity node, List<Tie> ties, List<TieCount> counts, boolean cut) {

	/**
	 * Most visible counterpart rows one profile reads: a row per counterpart of each tie answered (one for a tie
	 * without). At L the largest instruments have about 340 parties, so 500 ties could read 170 000 rows and answer
	 * 25 000 counterparts; 10 000 rows keep the profile of any node within a fraction of a second
	 * (bench/results/2026-12-01-hotshapes.md).
	 */
	static final int COUNTERPART_BUDGET = 10_000;

	/** The most ties one profile answers ({@code limit}). */
	static final int MAX_TIES = 1000;

	/** The edges counted by type and direction, most first: every visible edge, not only those answered. */
	public List<TieCount> summary() {
		return this.counts.stream()
			.sorted(Comparator.comparing(TieCount::count)
				.reversed()
				.thenComparing((TieCount c) -> c.type().name() + c.direction().name()))
			.toList();
	}

	/** How many visible edges the answer leaves out (exact): all edges counted less the ties answered. */
	public int omittedTies() {
		return this.counts.stream().mapToInt(TieCount::count).sum() - this.ties.size();
	}

	/** True when edges were left out, by the limit or by the work budget. */
	public boolean truncated() {
		return omittedTies() > 0;
	}

	/** Why ties are missing when the work budget cut them; null otherwise. */
	public @Nullable String message() {
		if (!this.cut) {
			return null;
		}
		return (this.ties.isEmpty() ? "No tie answered: the first one alone"
				: "Only the first " + this.ties.size() + " ties answered: the next ones")
				+ " would need more than the " + COUNTERPART_BUDGET
				+ " counterparts one request may read (its work budget); each tie answered is whole, and 'summary' "
				+ "counts every tie. The 'instruments' listing (filter.party) pages through all of a node's instruments";
	}

	enum Direction {

		OUT, IN

	}

	/**
	 * One edge of the profiled node.
	 *
	 * @param edge the edge
	 * @param direction OUT when the node is the edge's start
	 * @param other the node at the other end
	 * @param counterparts other actors tied to {@code other}, at most 50
	 * @param counterpartCount how many in all
	 */
	record Tie(Edge edge, Direction direction, Entity other, List<Counterpart> counterparts, int counterpartCount) {
	}

	/**
	 * Another actor tied through the same node.
	 *
	 * @param node the actor
	 * @param edge its edge to the shared node
	 */
	record Counterpart(Entity node, Edge edge) {
	}

	/**
	 * Edges of one type and direction.
	 *
	 * @param type the type
	 * @param direction the direction
	 * @param count how many
	 */
	record TieCount(RelType type, Direction direction, int count) {
	}

}
