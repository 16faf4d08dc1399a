package org.partneratlas.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.Visibility;
import org.partneratlas.graph.Vocabulary;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The catalogue's GraphQL fields: {@code node}, {@code nodes}, {@code search}, listings and {@code profile}. */
@Controller
class CatalogueController {

	private static final int MAX_SEARCH = 50;

	private final CatalogueQueries queries;

	private final Cursor.Sealer cursors;

	CatalogueController(CatalogueQueries queries,
			@org.springframework.beans.factory.annotation.Value("${atlas.cursor-secret:}") String cursorSecret) {
		this.queries = queries;
		this.cursors = new Cursor.Sealer(cursorSecret);
	}

	@QueryMapping
	Optional<Entity> node(@Argument String id, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		return this.queries.node(id, visibility);
	}

	@QueryMapping
	List<Entity> nodes(@Argument List<String> ids, @ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		if (ids.size() > CatalogueQueries.MAX_IDS) {
			throw new BadRequestException("at most " + CatalogueQueries.MAX_IDS + " ids, not " + ids.size());
		}
		return this.queries.nodes(ids, visibility);
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument List<Label> labels, @Argument int first,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		if (first < 1 || first > MAX_SEARCH) {
			throw new BadRequestException("'first' must be between 1 and " + MAX_SEARCH + ", not " + first);
		}
		return this.queries.search(text, labels, first, visibility);
	}

	@QueryMapping
	NodeConnection actors(@Argument ActorFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		ActorFilter f = ActorFilter.orAll(filter);
		Map<String, Object> filters = f.parameters("");
		filters.remove("labels");
		return connection(Listing.of(f.actorLabels(), filters, first, after, last, before, this.cursors, visibility),
				visibility);
	}

	@QueryMapping
	NodeConnection instruments(@Argument InstrumentFilter filter, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		InstrumentFilter f = (filter != null) ? filter : new InstrumentFilter(null, null, null, null);
		List<Label> labels = (f.labels() == null || f.labels().isEmpty()) ? List.of(Label.INSTRUMENT) : f.labels();
		labels.stream().filter((l) -> !Label.TIES.contains(l)).findFirst().ifPresent((l) -> {
			throw new BadRequestException("instruments lists INSTRUMENT, PROGRAMME, PROJECT or CABLE; not " + l);
		});
		Vocabulary.requireKinds("filter.kinds", f.kinds(), labels);
		Vocabulary.requireIn("filter.statuses", f.statuses(), Vocabulary.STATUSES);
		Vocabulary.requireNodeId("filter.party", f.party(), Label.actors().toArray(Label[]::new));
		Map<String, Object> filters = new HashMap<>();
		filters.put("kinds", f.kinds());
		filters.put("statuses", f.statuses());
		filters.put("party", f.party());
		return connection(Listing.of(labels, filters, first, after, last, before, this.cursors, visibility),
				visibility);
	}

	@SchemaMapping(typeName = "NodeConnection")
	int totalCount(NodeConnection connection) {
		return this.queries.count(connection.listing(), connection.visibility());
	}

	@QueryMapping
	Optional<Profile> profile(@Argument String id, @Argument int limit,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		BadRequestException.requireBetween("limit", limit, 1, Profile.MAX_TIES);
		return this.queries.profile(id, limit, visibility, Profile.COUNTERPART_BUDGET);
	}

	private NodeConnection connection(Listing listing, Visibility visibility) {
		CatalogueQueries.Page page = this.queries.page(listing, visibility);
		List<NodeConnection.Item> edges = new ArrayList<>();
		for (Entity node : page.nodes()) {
			edges.add(new NodeConnection.Item(new Cursor(node.name(), node.id()).encode(this.cursors, listing.scope()), node));
		}
		boolean hasNext = listing.forward() ? page.more() : listing.cursor() != null;
		boolean hasPrevious = listing.forward() ? listing.cursor() != null : page.more();
		NodeConnection.PageInfo info = new NodeConnection.PageInfo(hasNext, hasPrevious,
				edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
		return new NodeConnection(edges, info, listing, visibility);
	}

	/**
	 * Filters on instruments, programmes, projects and cables.
	 *
	 * @param labels which labels
	 * @param kinds kinds
	 * @param statuses statuses
	 * @param party id of an actor tied to them
	 */
	record InstrumentFilter(List<Label> labels, List<String> kinds, List<String> statuses, String party) {
	}

}
