package org.partneratlas.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.partneratlas.graph.BadRequestException;

import org.springframework.stereotype.Component;

/**
 * Every text a caller sends, as an argument or as a field of an input (at any depth, in lists too), is checked for
 * its length before the field's resolver runs: a text over its limit is a {@code BAD_REQUEST} that names the argument
 * and the limit, instead of reaching Neo4j (whose index keys stop at about 8 KiB: a 60 000-character name was an
 * internal error). Texts that are indexed or identify something (ids, names, acronyms, aliases, kinds, search text)
 * stay under {@value #SHORT} characters, so that even four-byte characters fit an index key; free prose
 * (descriptions, locators, reasons) under {@value #LONG}.
 * <p>
 * An argument with a default value ({@code first: Int = 20}) may be left out, but not given as an explicit
 * {@code null}: that reached resolvers as a missing number (an internal error, found by the request fuzzer), and
 * taking it for the default would let a request be priced for one size and run for another.
 */
@Component
class ArgumentChecks implements Instrumentation {

	/** The limit of texts that are indexed or identify something. */
	static final int SHORT = 1_000;

	/** The limit of prose. */
	static final int LONG = 10_000;

	/** Arguments and input fields that hold prose. */
	static final Set<String> PROSE = Set.of("description", "reason", "locator", "notes", "note",
			// a saved query's GraphQL document (workspace)
			"document");

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.getExecutionStepInfo().getFieldDefinition().getArguments().isEmpty()) {
			return dataFetcher;
		}
		var definitions = parameters.getExecutionStepInfo().getFieldDefinition().getArguments();
		return (environment) -> {
			for (var definition : definitions) {
				if (definition.hasSetDefaultValue() && environment.containsArgument(definition.getName())
						&& environment.getArgument(definition.getName()) == null) {
					throw new BadRequestException("'" + definition.getName() + "' may be left out (for its default) "
							+ "but not null");
				}
			}
			environment.getArguments().forEach((name, value) -> check(name, name, value));
			return dataFetcher.get(environment);
		};
	}

	/** Refuses a text over its limit, anywhere in a value; {@code where} says where it is, for the message. */
	static void check(String where, String name, Object value) {
		if (value instanceof CharSequence text) {
			int limit = PROSE.contains(name) ? LONG : SHORT;
			if (text.length() > limit) {
				throw new BadRequestException("'" + where + "' is " + text.length() + " characters long; the limit is "
						+ limit);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> check(where + "." + key, String.valueOf(key), item));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				check(where + "[" + i + "]", name, list.get(i));
			}
		}
	}

}
