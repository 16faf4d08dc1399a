package org.partneratlas.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * Whether a schema may replace the last released one without breaking a client that worked against it. A client
 * breaks when something it may select, send or match on disappears or tightens:
 * <ul>
 * <li>a type is removed (or becomes another kind of type), an object stops implementing an interface, a union loses
 * a member;</li>
 * <li>a field, argument, input field or enum value is removed (a rename is a removal and an addition);</li>
 * <li>an output field changes type, or a non-null output becomes nullable (a client relying on a value gets
 * {@code null});</li>
 * <li>an argument or input field changes type, or a nullable one becomes non-null without a default, or a new one is
 * required (non-null, no default): a request that was valid is refused.</li>
 * </ul>
 * An element the baseline marked {@code @deprecated(reason: ...)} may be removed or changed: clients were told a
 * release ahead. A type may go when nothing left undeprecated in the baseline used it. Additions (types, fields,
 * optional arguments and input fields, enum values, nullable-to-non-null outputs, non-null-to-nullable inputs) are
 * fine.
 * <p>
 * graphql-java's own {@code graphql.schema.diff.SchemaDiff} (25.1) was tried first and does not state this policy:
 * removing a field deprecated in the baseline is reported as a breakage ({@code DEPRECATION_REMOVED}), removing a
 * deprecated argument as a plain {@code MISSING} ("less arguments on field 'Query.a'", not naming the argument), and
 * a new enum value as a danger. The rules above are the project's, so they are written here, each with a test
 * ({@code SchemaCompatibilityTests}).
 */
public final class SchemaCompatibility {

	private SchemaCompatibility() {
	}

	/** A change that breaks clients: where ({@code Type.field(argument:)}) and what. */
	public record Breaking(String element, String change) {

		@Override
		public String toString() {
			return this.element + ": " + this.change;
		}

	}

	/** The breaking changes from {@code baselineSdl} to {@code currentSdl}, in schema order of the baseline. */
	public static List<Breaking> breakingChanges(String baselineSdl, String currentSdl) {
		return breakingChanges(schema(baselineSdl), schema(currentSdl));
	}

	/** A schema from SDL alone (custom scalars accepted as declared; nothing runs). */
	static GraphQLSchema schema(String sdl) {
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
	}

	static List<Breaking> breakingChanges(GraphQLSchema baseline, GraphQLSchema current) {
		List<Breaking> found = new ArrayList<>();
		Map<String, Boolean> liveUse = liveReferences(baseline);
		Map<String, GraphQLNamedType> before = types(baseline);
		Map<String, GraphQLNamedType> after = types(current);
		before.forEach((name, old) -> {
			GraphQLNamedType now = after.get(name);
			if (now == null) {
				if (liveUse.getOrDefault(name, Boolean.FALSE)) {
					found.add(new Breaking(name, "type removed (still used by an element the baseline did not deprecate)"));
				}
				return;
			}
			if (!kind(old).equals(kind(now))) {
				found.add(new Breaking(name, "type changed from " + kind(old) + " to " + kind(now)));
				return;
			}
			if (old instanceof GraphQLImplementingType o && now instanceof GraphQLImplementingType n) {
				Set<String> interfaces = names(n.getInterfaces());
				for (String i : names(o.getInterfaces())) {
					if (!interfaces.contains(i)) {
						found.add(new Breaking(name, "no longer implements " + i));
					}
				}
			}
			if (old instanceof GraphQLFieldsContainer o && now instanceof GraphQLFieldsContainer n) {
				fields(name, o, n, found);
			}
			else if (old instanceof GraphQLInputObjectType o && now instanceof GraphQLInputObjectType n) {
				inputFields(name, o, n, found);
			}
			else if (old instanceof GraphQLEnumType o && now instanceof GraphQLEnumType n) {
				for (GraphQLEnumValueDefinition value : o.getValues()) {
					if (n.getValue(value.getName()) == null && !value.isDeprecated()) {
						found.add(new Breaking(name + "." + value.getName(), "enum value removed without being deprecated first"));
					}
				}
			}
			else if (old instanceof GraphQLUnionType o && now instanceof GraphQLUnionType n) {
				Set<String> members = names(n.getTypes());
				for (String member : names(o.getTypes())) {
					if (!members.contains(member)) {
						found.add(new Breaking(name, "union member " + member + " removed"));
					}
				}
			}
		});
		return found;
	}

	private static void fields(String type, GraphQLFieldsContainer old, GraphQLFieldsContainer now,
			List<Breaking> found) {
		for (GraphQLFieldDefinition field : old.getFieldDefinitions()) {
			String at = type + "." + field.getName();
			GraphQLFieldDefinition next = now.getFieldDefinition(field.getName());
			if (field.isDeprecated()) {
				// clients were told: it may go or change
				continue;
			}
			if (next == null) {
				found.add(new Breaking(at, "field removed without being deprecated first"));
				continue;
			}
			if (!outputAccepts(field.getType(), next.getType())) {
				found.add(new Breaking(at, typeChange(field.getType(), next.getType())
						+ (nullableNow(field.getType(), next.getType()) ? " (a non-null output became nullable)" : "")));
			}
			Map<String, GraphQLArgument> nextArguments = new HashMap<>();
			next.getArguments().forEach((a) -> nextArguments.put(a.getName(), a));
			for (GraphQLArgument argument : field.getArguments()) {
				String argAt = at + "(" + argument.getName() + ":)";
				GraphQLArgument nextArgument = nextArguments.remove(argument.getName());
				if (argument.isDeprecated()) {
					continue;
				}
				if (nextArgument == null) {
					found.add(new Breaking(argAt, "argument removed without being deprecated first"));
					continue;
				}
				input(argAt, argument.getType(), nextArgument.getType(), nextArgument.hasSetDefaultValue(), found);
			}
			for (GraphQLArgument added : nextArguments.values()) {
				if (required(added.getType(), added.hasSetDefaultValue())) {
					found.add(new Breaking(at + "(" + added.getName() + ":)", "new required argument (non-null, no default)"));
				}
			}
		}
	}

	private static void inputFields(String type, GraphQLInputObjectType old, GraphQLInputObjectType now,
			List<Breaking> found) {
		Map<String, GraphQLInputObjectField> next = new HashMap<>();
		now.getFieldDefinitions().forEach((f) -> next.put(f.getName(), f));
		for (GraphQLInputObjectField field : old.getFieldDefinitions()) {
			String at = type + "." + field.getName();
			GraphQLInputObjectField nextField = next.remove(field.getName());
			if (field.isDeprecated()) {
				continue;
			}
			if (nextField == null) {
				found.add(new Breaking(at, "input field removed without being deprecated first"));
				continue;
			}
			input(at, field.getType(), nextField.getType(), nextField.hasSetDefaultValue(), found);
		}
		for (GraphQLInputObjectField added : next.values()) {
			if (required(added.getType(), added.hasSetDefaultValue())) {
				found.add(new Breaking(type + "." + added.getName(), "new required input field (non-null, no default)"));
			}
		}
	}

	/** An argument or input field: what a client sent must still be accepted, and what it left out still optional. */
	private static void input(String at, GraphQLInputType old, GraphQLInputType now, boolean nowHasDefault,
			List<Breaking> found) {
		if (!GraphQLTypeUtil.isNonNull(old) && GraphQLTypeUtil.isNonNull(now)) {
			if (!nowHasDefault) {
				found.add(new Breaking(at, "became required: " + GraphQLTypeUtil.simplePrint(old) + " -> "
						+ GraphQLTypeUtil.simplePrint(now)));
				return;
			}
			now = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(now);
		}
		if (!inputAccepts(old, now)) {
			found.add(new Breaking(at, typeChange(old, now)));
		}
	}

	/** A client that read {@code old} still reads {@code now}: the same shape, where only nullable may become non-null. */
	static boolean outputAccepts(GraphQLType old, GraphQLType now) {
		if (now instanceof GraphQLNonNull n && !(old instanceof GraphQLNonNull)) {
			return outputAccepts(old, n.getWrappedType());
		}
		if (old instanceof GraphQLNonNull o) {
			return now instanceof GraphQLNonNull n && outputAccepts(o.getWrappedType(), n.getWrappedType());
		}
		if (old instanceof GraphQLList o) {
			return now instanceof GraphQLList n && outputAccepts(o.getWrappedType(), n.getWrappedType());
		}
		return !(now instanceof GraphQLList) && GraphQLTypeUtil.unwrapAll(old).getName()
			.equals(GraphQLTypeUtil.unwrapAll(now).getName());
	}

	/** What a client sent as {@code old} is still valid as {@code now}: the same shape, where non-null may relax. */
	static boolean inputAccepts(GraphQLType old, GraphQLType now) {
		if (old instanceof GraphQLNonNull o && !(now instanceof GraphQLNonNull)) {
			return inputAccepts(o.getWrappedType(), now);
		}
		if (now instanceof GraphQLNonNull n) {
			return old instanceof GraphQLNonNull o && inputAccepts(o.getWrappedType(), n.getWrappedType());
		}
		if (old instanceof GraphQLList o) {
			return now instanceof GraphQLList n && inputAccepts(o.getWrappedType(), n.getWrappedType());
		}
		return !(now instanceof GraphQLList) && GraphQLTypeUtil.unwrapAll(old).getName()
			.equals(GraphQLTypeUtil.unwrapAll(now).getName());
	}

	private static boolean nullableNow(GraphQLType old, GraphQLType now) {
		return GraphQLTypeUtil.isNonNull(old) && !GraphQLTypeUtil.isNonNull(now);
	}

	private static boolean required(GraphQLInputType type, boolean hasDefault) {
		return GraphQLTypeUtil.isNonNull(type) && !hasDefault;
	}

	private static String typeChange(GraphQLType old, GraphQLType now) {
		return "type changed from " + GraphQLTypeUtil.simplePrint(old) + " to " + GraphQLTypeUtil.simplePrint(now);
	}

	/**
	 * For each type of the baseline, whether an element the baseline did not deprecate uses it: a field's, argument's
	 * or input field's type, a union's member, an implemented interface, a root type. A type only deprecated elements
	 * use may go with them.
	 */
	private static Map<String, Boolean> liveReferences(GraphQLSchema schema) {
		Map<String, Boolean> live = new HashMap<>();
		for (GraphQLNamedType root : List.of(schema.getQueryType())) {
			live.put(root.getName(), true);
		}
		if (schema.getMutationType() != null) {
			live.put(schema.getMutationType().getName(), true);
		}
		if (schema.getSubscriptionType() != null) {
			live.put(schema.getSubscriptionType().getName(), true);
		}
		for (GraphQLNamedType type : types(schema).values()) {
			if (type instanceof GraphQLImplementingType implementing) {
				names(implementing.getInterfaces()).forEach((i) -> live.put(i, true));
				if (!implementing.getInterfaces().isEmpty()) {
					// reachable through its interfaces (a fragment "... on" it)
					live.put(type.getName(), true);
				}
			}
			if (type instanceof GraphQLUnionType union) {
				names(union.getTypes()).forEach((member) -> live.put(member, true));
			}
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					use(live, field.getType(), !field.isDeprecated());
					for (GraphQLArgument argument : field.getArguments()) {
						use(live, argument.getType(), !field.isDeprecated() && !argument.isDeprecated());
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					use(live, field.getType(), !field.isDeprecated());
				}
			}
		}
		return live;
	}

	private static void use(Map<String, Boolean> live, GraphQLType type, boolean undeprecated) {
		live.merge(GraphQLTypeUtil.unwrapAll(type).getName(), undeprecated, Boolean::logicalOr);
	}

	/** The schema's own types (no introspection types, no built-in scalars), by name, sorted. */
	private static Map<String, GraphQLNamedType> types(GraphQLSchema schema) {
		Map<String, GraphQLNamedType> types = new TreeMap<>();
		Set<String> builtIn = new HashSet<>(List.of("String", "Int", "Float", "Boolean", "ID"));
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (!type.getName().startsWith("__") && !builtIn.contains(type.getName())) {
				types.put(type.getName(), type);
			}
		}
		return types;
	}

	private static String kind(GraphQLNamedType type) {
		return type.getClass().getSimpleName().replace("GraphQL", "").replace("Type", "").toLowerCase(java.util.Locale.ROOT);
	}

	private static Set<String> names(List<? extends GraphQLNamedType> types) {
		Set<String> names = new HashSet<>();
		types.forEach((t) -> names.add(t.getName()));
		return names;
	}

}
