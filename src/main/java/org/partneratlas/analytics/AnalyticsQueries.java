package org.partneratlas.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.Visibility;

import org.springframework.stereotype.Component;

/** Reads the actor-to-actor projection and groups of actors, each in one statement. */
@Component
class AnalyticsQueries {

	static final int MAX_GROUP = 5_000;

	private final GraphReads reads;

	AnalyticsQueries(GraphReads reads) {
		this.reads = reads;
	}

	/** The visible projection among actors of these labels, through ties of these kinds (all when null). */
	ActorGraph projection(List<Label> labels, List<String> tieKinds, LocalDate asOf, Visibility visibility) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("labels", labels.stream().map(Label::cypherName).toList());
		parameters.put("tieKinds", tieKinds);
		parameters.put("asOf", asOf);
		ActorGraph graph = new ActorGraph();
		// Each row is a group of actors sharing a tie (or a directly related pair): every two of them are tied.
		this.reads.list("analytics/projection", visibility, parameters, (r) -> {
			List<String> actors = r.get("actors").asList(org.neo4j.driver.Value::asString);
			double weight = r.get("weight").asDouble();
			for (int i = 0; i < actors.size(); i++) {
				for (int j = i + 1; j < actors.size(); j++) {
					graph.connect(actors.get(i), actors.get(j), weight);
				}
			}
			return Boolean.TRUE;
		});
		return graph;
	}

	/**
	 * How many visible rows the projection would read, counted up to {@code budget + 1} (the count stops there): the
	 * same predicates as the projection, so it is decided by visible ties alone.
	 */
	long projectionRows(List<Label> labels, List<String> tieKinds, LocalDate asOf, Visibility visibility, long budget) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("labels", labels.stream().map(Label::cypherName).toList());
		parameters.put("tieKinds", tieKinds);
		parameters.put("asOf", asOf);
		parameters.put("budget", budget);
		return this.reads.one("analytics/projection-size", visibility, parameters, (r) -> r.get("rows").asLong())
			.orElse(0L);
	}

	/** The ids of the visible actors passing a filter. */
	List<String> group(ActorFilter filter, Visibility visibility) {
		Map<String, Object> parameters = filter.parameters("");
		parameters.put("limit", MAX_GROUP);
		return this.reads.list("analytics/group", visibility, parameters, (r) -> r.get("id").asString());
	}

}
