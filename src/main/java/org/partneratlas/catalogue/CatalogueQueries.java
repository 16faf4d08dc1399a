package org.partneratlas.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Visibility;

import org.springframework.stereotype.Component;

/**
 * The catalogue's questions, each one statement from {@code cypher/queries/catalogue}. Package-private: only the
 * controller asks them.
 */
@Component
class CatalogueQueries {

	static final int MAX_IDS = 100;

	private final GraphReads reads;

	CatalogueQueries(GraphReads reads) {
		this.reads = reads;
	}

	Optional<Entity> node(String id, Visibility visibility) {
		return this.reads.one("catalogue/node-by-id", visibility, Map.of("id", id), (r) -> Entity.of(r.get("node")));
	}

	/** Nodes by id, in the order asked, null where missing or hidden. */
	List<Entity> nodes(List<String> ids, Visibility visibility) {
		return this.reads.nodes(ids, visibility);
	}

	List<SearchHit> search(String text, List<Label> labels, int first, Visibility visibility) {
		Map<String, Object> parameters = new java.util.HashMap<>();
		parameters.put("query", SearchText.lucene(text));
		parameters.put("whole", SearchText.words(text).stream().map(SearchText::wholeWord).toList());
		parameters.put("starts", SearchText.words(text).stream().map(SearchText::wordStart).toList());
		parameters.put("exact", SearchText.exact(text));
		parameters.put("labels", (labels == null) ? null : labels.stream().map(Label::cypherName).toList());
		parameters.put("first", first);
		return this.reads.list("catalogue/search", visibility, parameters,
				(r) -> new SearchHit(Entity.of(r.get("node")), r.get("score").asDouble()));
	}

	/** One page of a listing, in listing order, and whether more lie beyond it. */
	Page page(Listing listing, Visibility visibility) {
		List<Entity> rows = this.reads.list(
				listing.statement(listing.forward() ? "catalogue/list-forward" : "catalogue/list-backward"),
				visibility, listing.pageParameters(), (r) -> Entity.of(r.get("node")));
		boolean more = rows.size() > listing.size();
		List<Entity> page = new ArrayList<>(more ? rows.subList(0, listing.size()) : rows);
		if (!listing.forward()) {
			Collections.reverse(page);
		}
		return new Page(page, more);
	}

	int count(Listing listing, Visibility visibility) {
		return this.reads
			.one(listing.statement("catalogue/list-count"), visibility, listing.countParameters(),
					(r) -> r.get("total").asInt())
			.orElse(0);
	}

	/** The profile with the default tie limit and work budget (as the schema's defaults). */
	Optional<Profile> profile(String id, Visibility visibility) {
		return profile(id, DEFAULT_TIES, visibility, Profile.COUNTERPART_BUDGET);
	}

	/** The schema's default {@code limit} on a profile's ties. */
	static final int DEFAULT_TIES = 200;

	/**
	 * The first {@code limit} ties of a node (checked by the caller), their counterparts read within {@code budget}
	 * visible rows (tests use a small one), and every visible edge counted.
	 */
	Optional<Profile> profile(String id, int limit, Visibility visibility, int budget) {
		return this.reads.one("catalogue/profile", visibility, Map.of("id", id, "limit", limit, "budget", budget),
				CatalogueQueries::profile);
	}

	private static Profile profile(Record record) {
		List<Profile.Tie> ties = record.get("ties").asList((Value tie) -> new Profile.Tie(Edge.of(tie.get("edge")),
				tie.get("out").asBoolean() ? Profile.Direction.OUT : Profile.Direction.IN, Entity.of(tie.get("other")),
				tie.get("counterparts")
					.asList((Value c) -> new Profile.Counterpart(Entity.of(c.get("node")), Edge.of(c.get("edge")))),
				tie.get("counterpartCount").asInt()));
		List<Profile.TieCount> counts = record.get("summary")
			.asList((Value c) -> new Profile.TieCount(
					RelType.of(c.get("type").asString()).orElseThrow(
							() -> new IllegalStateException("Unknown relationship type " + c.get("type"))),
					c.get("out").asBoolean() ? Profile.Direction.OUT : Profile.Direction.IN, c.get("count").asInt()));
		return new Profile(Entity.of(record.get("node")), ties, counts, record.get("cut").asBoolean());
	}

	/**
	 * A page of a listing.
	 *
	 * @param nodes the nodes, in listing order
	 * @param more whether more nodes lie beyond the page in its direction
	 */
	record Page(List<Entity> nodes, boolean more) {
	}

}
