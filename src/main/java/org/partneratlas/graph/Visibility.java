package org.partneratlas.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * What the caller may see, as it travels into every read statement. For now the highest TLP level the caller is
 * cleared for; anonymous callers see CLEAR only. Organisation and recipient rules (AMBER+STRICT, RED) join here.
 *
 * @param maxTlp the highest marking the caller may see
 */
public record Visibility(Tlp maxTlp) {

	public static final Visibility ANONYMOUS = new Visibility(Tlp.CLEAR);

	/** Where the caller's visibility is kept in the GraphQL context. */
	public static final String CONTEXT_KEY = "visibility";

	/** The visibility parameters, merged into a statement's own parameters. */
	public Map<String, Object> with(Map<String, Object> parameters) {
		Map<String, Object> all = new HashMap<>(parameters);
		all.put("maxTlp", this.maxTlp.level());
		return all;
	}

}
