package org.partneratlas.connections;

import java.util.List;

import org.partneratlas.graph.Entity;

/**
 * The answer to a path question: the paths found, shortest first, or none with a sentence that says why.
 *
 * @param from the start
 * @param to the end
 * @param paths the paths, shortest first
 * @param message what was searched, when nothing was found, or what the cut search left unsearched
 * @param cut true when the search stopped at its work budget: more (or any) paths within the hop limit may exist
 */
record Paths(Entity from, Entity to, List<Path> paths, String message, boolean cut) {

	public boolean found() {
		return !this.paths.isEmpty();
	}

}
