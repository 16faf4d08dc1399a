package org.partneratlas.workspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import graphql.GraphQLContext;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.partneratlas.graph.WriteRefusedException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Checks a query document before it is saved or promoted: it parses, holds exactly one operation, a query (the
 * catalogue holds questions, not writes), is valid against the service's own schema, and its variables are exactly
 * those declared with the entry, with the same types; each default value is coerced by graphql-java against its
 * type. Every problem is reported at once, each on its input field.
 */
@Component
class QueryDocuments {

	static final Set<String> SUGGESTIONS = Set.of("actor", "instrumentKind", "label", "region", "date");

	static final int MAX_VARIABLES = 30;

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ObjectProvider<GraphQlSource> source;

	QueryDocuments(ObjectProvider<GraphQlSource> source) {
		this.source = source;
	}

	/**
	 * The declared variables of a valid document, in the order given; refuses the document with every problem.
	 *
	 * @param document the GraphQL text
	 * @param declared the variables as the input gives them
	 */
	List<CatalogueEntry.Variable> check(String document, List<Map<String, Object>> declared) {
		GraphQLSchema schema = this.source.getObject().schema();
		List<Map<String, String>> problems = new ArrayList<>();
		Document parsed;
		try {
			parsed = Parser.parse(document);
		}
		catch (InvalidSyntaxException ex) {
			throw WriteRefusedException.invalid(List.of(problem("input.document", "not a GraphQL document: "
					+ ex.getMessage())));
		}
		List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
		if (operations.size() != 1) {
			throw WriteRefusedException.invalid(List.of(problem("input.document",
					"a saved query holds exactly one operation; this document holds " + operations.size())));
		}
		OperationDefinition operation = operations.getFirst();
		if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
			throw WriteRefusedException.invalid(List.of(problem("input.document",
					"a saved query asks, it does not write: the operation is a "
							+ operation.getOperation().name().toLowerCase(Locale.ROOT) + ", not a query")));
		}
		for (ValidationError error : new Validator().validateDocument(schema, parsed, Locale.ENGLISH)) {
			problems.add(problem("input.document", error.getMessage()));
		}
		Map<String, VariableDefinition> definitions = new LinkedHashMap<>();
		operation.getVariableDefinitions().forEach((d) -> definitions.put(d.getName(), d));
		if (declared.size() > MAX_VARIABLES) {
			problems.add(problem("input.variables", "at most " + MAX_VARIABLES + " variables"));
		}
		List<CatalogueEntry.Variable> variables = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < declared.size() && i < MAX_VARIABLES; i++) {
			Map<String, Object> v = declared.get(i);
			String field = "input.variables[" + i + "]";
			String name = String.valueOf(v.get("name")).strip().replaceFirst("^\\$", "");
			String type = String.valueOf(v.get("type")).strip();
			String description = (v.get("description") instanceof String d) ? d.strip() : "";
			String suggest = (v.get("suggest") instanceof String s && !s.isBlank()) ? s.strip() : null;
			if (!seen.add(name)) {
				problems.add(problem(field + ".name", "'" + name + "' is declared twice"));
				continue;
			}
			VariableDefinition definition = definitions.get(name);
			if (definition == null) {
				problems.add(problem(field + ".name", "the document has no variable $" + name + " (it has "
						+ definitions.keySet().stream().map((n) -> "$" + n).toList() + ")"));
				continue;
			}
			String declaredType = AstPrinter.printAst(definition.getType());
			if (!declaredType.replaceAll("\\s", "").equals(type.replaceAll("\\s", ""))) {
				problems.add(problem(field + ".type", "$" + name + " is " + declaredType + " in the document, not "
						+ type));
			}
			if (description.isEmpty()) {
				problems.add(problem(field + ".description", "say what $" + name + " means"));
			}
			if (suggest != null && !SUGGESTIONS.contains(suggest)) {
				problems.add(problem(field + ".suggest", "'" + suggest + "' is not one of " + SUGGESTIONS.stream().sorted().toList()));
			}
			Object defaultValue = null;
			if (v.get("defaultValue") instanceof String text && !text.isBlank()) {
				try {
					defaultValue = JSON.readValue(text, Object.class);
					ValuesResolver.coerceVariableValues(schema, List.of(definition),
							RawVariables.of(java.util.Collections.singletonMap(name, defaultValue)),
							GraphQLContext.getDefault(), Locale.ENGLISH);
				}
				catch (JacksonException ex) {
					problems.add(problem(field + ".defaultValue", "not JSON: " + ex.getOriginalMessage()));
				}
				catch (RuntimeException ex) {
					problems.add(problem(field + ".defaultValue", "not a " + declaredType + ": " + ex.getMessage()));
				}
			}
			variables.add(new CatalogueEntry.Variable(name, declaredType, description, defaultValue, suggest));
		}
		for (String name : definitions.keySet()) {
			if (!seen.contains(name)) {
				problems.add(problem("input.variables", "the document's variable $" + name
						+ " is not declared: give its type and a description"));
			}
		}
		if (!problems.isEmpty()) {
			throw WriteRefusedException.invalid(problems);
		}
		return variables;
	}

	private static Map<String, String> problem(String field, String reason) {
		return Map.of("field", field, "reason", reason);
	}

}
