package org.partneratlas.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.IntValue;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.partneratlas.graph.Tlp;

/**
 * One reviewed query file: a GraphQL document under a header of {@code #} comment lines that hold YAML (name,
 * description, marking, version, each variable's description and suggestion, an example). The variables' names,
 * types and defaults are read from the document itself, so the header cannot disagree with it; a header that
 * describes a variable the document lacks, or leaves one of the document's variables undescribed, is refused with
 * the file and the variable named. Only a single query operation is accepted: a reviewed document reads, it never
 * writes.
 *
 * @param entry the catalogue entry the file makes
 * @param example the example run: {@code variables} and what the answer holds ({@code expect}), read by the tests
 */
record QueryFile(CatalogueEntry entry, Map<String, Object> example) {

	/** What a catalogue id looks like (the file's name without {@code .graphql}). */
	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

	static final Set<String> SUGGESTIONS = Set.of("actor", "instrumentKind", "label", "region", "date");

	/** A file that cannot be loaded: its name and every reason. */
	static final class Refused extends RuntimeException {

		Refused(String file, List<String> problems) {
			super("Reviewed query " + file + " refused: " + String.join("; ", problems));
		}

	}

	/**
	 * Reads a file.
	 * @param id the catalogue id (the file name without {@code .graphql})
	 * @param file where it came from, for messages
	 * @param text the file's text
	 */
	@SuppressWarnings("unchecked")
	static QueryFile read(String id, String file, String text) {
		List<String> problems = new ArrayList<>();
		if (!ID.matcher(id).matches()) {
			problems.add("the file name must be an id of lower-case letters, digits and '-' (" + ID.pattern() + ")");
		}
		StringBuilder header = new StringBuilder();
		StringBuilder body = new StringBuilder();
		boolean inHeader = true;
		for (String line : text.split("\n", -1)) {
			if (inHeader && line.startsWith("#")) {
				header.append(line.startsWith("# ") ? line.substring(2) : line.substring(1)).append('\n');
			}
			else {
				inHeader = false;
				body.append(line).append('\n');
			}
		}
		String document = body.toString().strip() + "\n";
		Map<String, Object> meta;
		try {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(header.toString());
			meta = (loaded instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
		}
		catch (RuntimeException ex) {
			throw new Refused(file, List.of("the header is not YAML: " + ex.getMessage()));
		}
		String name = text(meta, "name", problems);
		String description = text(meta, "description", problems);
		Tlp marking = Tlp.ofMarking(String.valueOf(meta.getOrDefault("marking", "CLEAR"))).orElse(null);
		if (marking == null || marking.level() > Tlp.AMBER.level()) {
			// AMBER+STRICT and RED need an owner or recipients, which a file shipped to every deployment cannot name
			problems.add("'marking' must be CLEAR, GREEN or AMBER, not " + meta.get("marking"));
			marking = Tlp.CLEAR;
		}
		int version = (meta.getOrDefault("version", 1) instanceof Integer v && v > 0) ? v : -1;
		if (version < 1) {
			problems.add("'version' must be a positive whole number");
		}
		Map<String, Object> declared = (meta.get("variables") instanceof Map<?, ?> m) ? (Map<String, Object>) m
				: Map.of();
		Map<String, Object> example = (meta.get("example") instanceof Map<?, ?> m) ? (Map<String, Object>) m
				: Map.of();
		List<CatalogueEntry.Variable> variables = new ArrayList<>();
		try {
			OperationDefinition operation = operation(Parser.parse(document), problems);
			if (operation != null) {
				Set<String> inDocument = new LinkedHashSet<>();
				for (VariableDefinition definition : operation.getVariableDefinitions()) {
					String variable = definition.getName();
					inDocument.add(variable);
					Object about = declared.get(variable);
					if (!(about instanceof Map<?, ?> aboutMap) || !(aboutMap.get("description") instanceof String d)
							|| d.isBlank()) {
						problems.add("variable $" + variable + " is not described in the header (variables: "
								+ variable + ": {description: ...})");
						continue;
					}
					String type = AstPrinter.printAst(definition.getType());
					if (aboutMap.get("type") != null && !type.equals(String.valueOf(aboutMap.get("type")))) {
						problems.add("variable $" + variable + " is " + type + " in the document but "
								+ aboutMap.get("type") + " in the header");
					}
					Object suggest = aboutMap.get("suggest");
					if (suggest != null && !SUGGESTIONS.contains(String.valueOf(suggest))) {
						problems.add("variable $" + variable + " suggests '" + suggest + "', not one of "
								+ new java.util.TreeSet<>(SUGGESTIONS));
					}
					Object defaultValue = (definition.getDefaultValue() != null) ? value(definition.getDefaultValue())
							: null;
					variables.add(new CatalogueEntry.Variable(variable, type, d.strip(), defaultValue,
							(suggest != null) ? String.valueOf(suggest) : null));
				}
				for (String variable : declared.keySet()) {
					if (!inDocument.contains(variable)) {
						problems.add("the header describes $" + variable + ", which the document does not declare");
					}
				}
			}
		}
		catch (InvalidSyntaxException ex) {
			problems.add("the document is not GraphQL: " + ex.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new Refused(file, problems);
		}
		return new QueryFile(new CatalogueEntry(id, version, name, description, document, List.copyOf(variables),
				CatalogueEntry.Origin.REVIEWED, marking, null), example);
	}

	private static @Nullable OperationDefinition operation(Document document, List<String> problems) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operations.size() != 1) {
			problems.add("the document must hold exactly one operation, not " + operations.size());
			return null;
		}
		OperationDefinition operation = operations.getFirst();
		if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
			problems.add("the operation must be a query (a reviewed document never writes), not "
					+ operation.getOperation().name().toLowerCase(java.util.Locale.ROOT));
			return null;
		}
		return operation;
	}

	private static String text(Map<String, Object> meta, String key, List<String> problems) {
		Object value = meta.get(key);
		if (!(value instanceof String s) || s.isBlank()) {
			problems.add("the header needs '" + key + "'");
			return "";
		}
		return s.strip();
	}

	/** A literal of the document as a plain value (text, number, boolean, list, map; an enum as its name). */
	static @Nullable Object value(Value<?> value) {
		return switch (value) {
			case StringValue s -> s.getValue();
			case IntValue i -> i.getValue().intValueExact();
			case FloatValue f -> f.getValue().doubleValue();
			case BooleanValue b -> b.isValue();
			case EnumValue e -> e.getName();
			case NullValue n -> null;
			case ArrayValue a -> a.getValues().stream().map(QueryFile::value).toList();
			case ObjectValue o -> {
				Map<String, Object> map = new LinkedHashMap<>();
				o.getObjectFields().forEach((f) -> map.put(f.getName(), value(f.getValue())));
				yield map;
			}
			default -> throw new IllegalArgumentException("a variable's default cannot be " + value);
		};
	}

	/**
	 * The document with the shared fragments it spreads (directly or through another fragment) appended, so that
	 * several documents can share one fragment file without an unused fragment in any of them.
	 */
	static String withFragments(String document, Map<String, String> fragments) {
		Set<String> defined = new LinkedHashSet<>();
		Parser.parse(document).getDefinitionsOfType(FragmentDefinition.class).forEach((f) -> defined.add(f.getName()));
		StringBuilder text = new StringBuilder(document);
		List<String> pending = new ArrayList<>(spreads(document));
		while (!pending.isEmpty()) {
			String name = pending.removeFirst();
			if (defined.add(name) && fragments.containsKey(name)) {
				text.append('\n').append(fragments.get(name)).append('\n');
				pending.addAll(spreads(fragments.get(name)));
			}
		}
		return text.toString();
	}

	private static Set<String> spreads(String text) {
		Set<String> names = new LinkedHashSet<>();
		new NodeTraverser().depthFirst(new NodeVisitorStub() {
			@Override
			public TraversalControl visitFragmentSpread(FragmentSpread node, TraverserContext<graphql.language.Node> c) {
				names.add(node.getName());
				return TraversalControl.CONTINUE;
			}
		}, Parser.parse(text));
		return names;
	}

}
