package org.partneratlas.connections;

import java.util.List;
import java.util.Optional;

import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Visibility;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The connection fields: {@code connections} and {@code neighbourhood}. */
@Controller
class ConnectionController {

	static final int MAX_DEPTH = 3;

	static final int MAX_NODES = 500;

	private final ConnectionQueries queries;

	ConnectionController(ConnectionQueries queries) {
		this.queries = queries;
	}

	@QueryMapping
	Optional<Connections> connections(@Argument String a, @Argument String b,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		return this.queries.connections(a, b, visibility);
	}

	@QueryMapping
	Optional<Subgraph> neighbourhood(@Argument String id, @Argument int depth, @Argument List<Label> labels,
			@Argument List<RelType> types, @Argument int limit,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		if (depth < 1 || depth > MAX_DEPTH) {
			throw new BadRequestException("'depth' must be between 1 and " + MAX_DEPTH + ", not " + depth);
		}
		if (limit < 1 || limit > MAX_NODES) {
			throw new BadRequestException("'limit' must be between 1 and " + MAX_NODES + ", not " + limit);
		}
		return this.queries.neighbourhood(id, depth, labels, types, limit, visibility);
	}

}
