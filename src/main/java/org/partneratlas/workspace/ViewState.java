package org.partneratlas.workspace;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The Explorer's state as a view saves it: the question (the steps that build the canvas, the date, the selection,
 * the open panel) and the layout (where each node stood), never the answer. The steps are those of the page's share
 * link ({@code static/explorer/state.js}).
 *
 * @param steps the steps, in order
 * @param asOf the date the picture is asked at, if any
 * @param selected the selected node, if any
 * @param tab the open panel
 * @param positions where each node stood
 */
record ViewState(List<Step> steps, @Nullable String asOf, @Nullable String selected, String tab,
		List<Position> positions) {

	/**
	 * One step.
	 *
	 * @param op add, expand, remove or path
	 * @param id the node added, expanded or removed
	 * @param from a path's start
	 * @param to a path's end
	 * @param k how many paths
	 * @param only kinds a path goes only through
	 * @param avoid kinds a path never goes through
	 * @param types relationship types an expansion follows
	 * @param labels labels an expansion brings
	 * @param limit how many neighbours an expansion brings
	 * @param doc a query step's catalogue id ({@code id} or {@code id@version})
	 * @param vars a query step's variables, as JSON object text
	 */
	record Step(String op, @Nullable String id, @Nullable String from, @Nullable String to, @Nullable Integer k,
			@Nullable List<String> only, @Nullable List<String> avoid, @Nullable List<String> types,
			@Nullable List<String> labels, @Nullable Integer limit, @Nullable String doc, @Nullable String vars) {

		/** A step of the page's own kinds (add, expand, remove, path). */
		Step(String op, @Nullable String id, @Nullable String from, @Nullable String to, @Nullable Integer k,
				@Nullable List<String> only, @Nullable List<String> avoid, @Nullable List<String> types,
				@Nullable List<String> labels, @Nullable Integer limit) {
			this(op, id, from, to, k, only, avoid, types, labels, limit, null, null);
		}

		/**
		 * The graph items this step names: a query step's are every string anywhere in its variables that has a
		 * node id's form (so a variable naming an item the opener may not see cuts the step, whether the item is
		 * hidden or absent: the cut depends on nothing the opener may not see).
		 */
		List<String> names() {
			if ("query".equals(this.op)) {
				return ViewStates.idsIn(this.vars);
			}
			return "path".equals(this.op) ? List.of(this.from, this.to) : List.of(this.id);
		}

	}

	/**
	 * A node's place on the canvas.
	 *
	 * @param id the node
	 * @param x across
	 * @param y down
	 */
	record Position(String id, double x, double y) {
	}

	/** Every node the state names (steps, selection, positions). */
	List<String> names() {
		java.util.Set<String> names = new java.util.LinkedHashSet<>();
		this.steps.forEach((s) -> names.addAll(s.names()));
		if (this.selected != null) {
			names.add(this.selected);
		}
		this.positions.forEach((p) -> names.add(p.id()));
		return List.copyOf(names);
	}

	/**
	 * The state as a caller may see it: steps naming a node outside {@code visible} are left out, and so are the
	 * selection and the positions of such nodes. Nothing marks the cut.
	 */
	ViewState seenWith(java.util.Set<String> visible) {
		return seenWith(visible, (doc) -> false);
	}

	/**
	 * The state as a caller may see it, a query step also left out when {@code docSeen} says the caller may not see
	 * the catalogue entry it names.
	 */
	ViewState seenWith(java.util.Set<String> visible, java.util.function.Predicate<String> docSeen) {
		return new ViewState(this.steps.stream()
			.filter((s) -> visible.containsAll(s.names()))
			.filter((s) -> !"query".equals(s.op()) || (s.doc() != null && docSeen.test(s.doc())))
			.toList(), this.asOf,
				(this.selected != null && visible.contains(this.selected)) ? this.selected : null, this.tab,
				this.positions.stream().filter((p) -> visible.contains(p.id())).toList());
	}

}
