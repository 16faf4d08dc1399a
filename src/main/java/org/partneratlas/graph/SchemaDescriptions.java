package org.partneratlas.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.TypeDefinitionRegistry;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives a field of an object type the description of the interface field it implements when the schema files leave
 * it out: the fourteen node types repeat the {@code Node} and {@code Actor} fields, and writing each description
 * fourteen times would let them drift apart. GraphiQL and introspection then describe every field of every type.
 */
@Configuration(proxyBeanMethods = false)
class SchemaDescriptions {

	@Bean
	GraphQlSourceBuilderCustomizer interfaceFieldDescriptions() {
		return (builder) -> builder.schemaFactory((registry, wiring) -> {
			inherit(registry);
			return new SchemaGenerator().makeExecutableSchema(registry, wiring);
		});
	}

	static void inherit(TypeDefinitionRegistry registry) {
		// Interfaces that implement interfaces first (Actor from Node), then the object types from all of them.
		for (InterfaceTypeDefinition type : registry.getTypes(InterfaceTypeDefinition.class)) {
			List<FieldDefinition> fields = described(type.getFieldDefinitions(), type.getImplements(), registry);
			registry.remove(type);
			registry.add(type.transform((t) -> t.definitions(fields)));
		}
		for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
			List<FieldDefinition> fields = described(type.getFieldDefinitions(), type.getImplements(), registry);
			registry.remove(type);
			registry.add(type.transform((t) -> t.fieldDefinitions(fields)));
		}
	}

	private static List<FieldDefinition> described(List<FieldDefinition> fields, List<Type> implemented,
			TypeDefinitionRegistry registry) {
		Map<String, Description> inherited = new HashMap<>();
		for (Type<?> i : implemented) {
			registry.getType(name(i), InterfaceTypeDefinition.class)
				.ifPresent((parent) -> parent.getFieldDefinitions()
					.stream()
					.filter((f) -> f.getDescription() != null)
					.forEach((f) -> inherited.putIfAbsent(f.getName(), f.getDescription())));
		}
		return fields.stream()
			.map((field) -> (field.getDescription() != null || !inherited.containsKey(field.getName())) ? field
					: field.transform((f) -> f.description(inherited.get(field.getName()))))
			.toList();
	}

	private static String name(Type<?> type) {
		return (type instanceof TypeName n) ? n.getName() : type.toString();
	}

}
