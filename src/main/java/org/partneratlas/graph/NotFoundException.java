package org.partneratlas.graph;

/**
 * A question about a node that is missing or that the caller may not see (the two are the same answer), where an
 * empty answer would read as "none": the caller gets {@code NOT_FOUND} naming the id.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String argument, String id) {
		super("'" + argument + "': no node '" + id + "'", null, false, false);
	}

}
