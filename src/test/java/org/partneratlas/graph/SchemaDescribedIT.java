package org.partneratlas.graph;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema front-end teams build against is described throughout: every type, field, argument and input field
 * of the served schema has a description (interface fields lend theirs to the types that implement them).
 */
class SchemaDescribedIT extends AtlasIT {

	@Autowired
	GraphQlSource source;

	@Test
	void everyTypeFieldArgumentAndInputFieldIsDescribed() {
		GraphQLSchema schema = this.source.schema();
		List<String> undescribed = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type.getName().startsWith("__") || type instanceof GraphQLScalarType) {
				continue;
			}
			boolean root = List.of("Query", "Mutation").contains(type.getName());
			if (!root && type.getDescription() == null) {
				undescribed.add(type.getName());
			}
			if (type instanceof GraphQLFieldsContainer container) {
				container.getFieldDefinitions().forEach((f) -> field(type.getName(), f, undescribed));
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions()
					.stream()
					.filter((f) -> f.getDescription() == null)
					.forEach((f) -> undescribed.add(type.getName() + "." + f.getName()));
			}
		}
		assertThat(undescribed).isEmpty();
	}

	@Test
	void aNodeTypeFieldSaysWhatItsInterfaceFieldSays() {
		GraphQLSchema schema = this.source.schema();
		assertThat(schema.getObjectType("Country").getFieldDefinition("tlp").getDescription())
			.isEqualTo(schema.getObjectType("Country").getInterfaces().stream()
				.filter((i) -> i.getName().equals("Node"))
				.map((i) -> ((graphql.schema.GraphQLInterfaceType) i).getFieldDefinition("tlp").getDescription())
				.findFirst().orElseThrow())
			.isEqualTo("The Traffic Light Protocol 2.0 marking of this node.");
	}

	private static void field(String type, GraphQLFieldDefinition field, List<String> undescribed) {
		if (field.getDescription() == null) {
			undescribed.add(type + "." + field.getName());
		}
		for (GraphQLArgument argument : field.getArguments()) {
			if (argument.getDescription() == null) {
				undescribed.add(type + "." + field.getName() + "(" + argument.getName() + ")");
			}
		}
	}

}
