package org.partneratlas.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.Visibility;

/**
 * What a listing asks for: which labels, which filters, which page.
 *
 * @param labels the graph labels to list
 * @param filters filter parameters (absent filters are null)
 * @param forward true to page forward ({@code first}/{@code after})
 * @param size the page size
 * @param cursor the cursor to start after (forward) or end before (backward), if any
 * @param scope what this listing's cursors are bound to (see {@link Cursor})
 */
record Listing(List<String> labels, Map<String, Object> filters, boolean forward, int size, Cursor cursor,
		String scope) {

	static final int MAX_PAGE = 100;

	static final int DEFAULT_PAGE = 20;

	static Listing of(List<Label> labels, Map<String, Object> filters, Integer first, String after, Integer last,
			String before, Cursor.Sealer sealer, Visibility visibility) {
		if (first != null && last != null) {
			throw new BadRequestException("give 'first' (with 'after') or 'last' (with 'before'), not both");
		}
		if ((first != null && before != null) || (last != null && after != null)) {
			throw new BadRequestException("'after' goes with 'first' and 'before' with 'last'");
		}
		boolean forward = last == null && before == null;
		Integer requested = forward ? first : last;
		int size = (requested == null) ? DEFAULT_PAGE : requested;
		if (size < 1 || size > MAX_PAGE) {
			throw new BadRequestException((forward ? "'first'" : "'last'") + " must be between 1 and " + MAX_PAGE
					+ ", not " + size);
		}
		String cursor = forward ? after : before;
		List<String> names = labels.stream().map(Label::cypherName).toList();
		String scope = Cursor.scope(names.toString(), filters, visibility.grants());
		return new Listing(names, filters, forward, size, (cursor == null) ? null : Cursor.decode(cursor, sealer, scope),
				scope);
	}

	/**
	 * The query file for this listing: {@code catalogue/list-forward} and the like; its {@code -anchored} form when a
	 * {@code party} or {@code memberOf} filter is given (that form expands from the party or group, where the others
	 * would check every node of the labels for a tie to it); else its {@code -by-kind} form when a kind filter is given
	 * (that form seeks the kind indexes; a plain label scan is better without one).
	 */
	String statement(String file) {
		if (this.filters.get("party") != null || this.filters.get("memberOf") != null) {
			return file + "-anchored";
		}
		return (this.filters.get("kinds") != null) ? file + "-by-kind" : file;
	}

	/** Parameters of the page statement: one more than the page, to tell whether there is a next one. */
	Map<String, Object> pageParameters() {
		Map<String, Object> parameters = countParameters();
		String prefix = this.forward ? "after" : "before";
		parameters.put(prefix + "Name", (this.cursor == null) ? null : this.cursor.name());
		parameters.put(prefix + "Id", (this.cursor == null) ? null : this.cursor.id());
		parameters.put("limit", this.size + 1);
		return parameters;
	}

	Map<String, Object> countParameters() {
		Map<String, Object> parameters = new HashMap<>(this.filters);
		parameters.put("labels", this.labels);
		for (String key : List.of("ids", "kinds", "statuses", "euStatus", "sectors", "memberOf", "party")) {
			parameters.putIfAbsent(key, null);
		}
		return parameters;
	}

}
