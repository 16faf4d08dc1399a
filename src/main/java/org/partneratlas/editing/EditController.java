package org.partneratlas.editing;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.partneratlas.graph.Author;
import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Edge;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.NotFoundException;
import org.partneratlas.graph.Visibility;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The editing fields: the mutations {@code createNode}, {@code updateNode}, {@code link}, {@code updateLink} and
 * {@code unlink}, and the {@code history} query. Inputs are taken as maps so that an update tells a field left out
 * from a field cleared with null.
 */
@Controller
class EditController {

	static final int MAX_HISTORY = 200;

	private final Edits edits;

	private final GraphReads reads;

	EditController(Edits edits, GraphReads reads) {
		this.edits = edits;
		this.reads = reads;
	}

	@MutationMapping
	Map<String, Object> createNode(@Argument Map<String, Object> input,
			@ContextValue(Author.CONTEXT_KEY) Author author) {
		return Map.of("node", this.edits.createNode(author, input));
	}

	@MutationMapping
	Map<String, Object> updateNode(@Argument Map<String, Object> input,
			@ContextValue(Author.CONTEXT_KEY) Author author) {
		return Map.of("node", this.edits.updateNode(author, input));
	}

	@MutationMapping
	Map<String, Object> link(@Argument Map<String, Object> input, @ContextValue(Author.CONTEXT_KEY) Author author) {
		return Map.of("edge", this.edits.link(author, input));
	}

	@MutationMapping
	Map<String, Object> updateLink(@Argument Map<String, Object> input,
			@ContextValue(Author.CONTEXT_KEY) Author author) {
		return Map.of("edge", this.edits.updateLink(author, input));
	}

	@MutationMapping
	Map<String, Object> unlink(@Argument Map<String, Object> input, @ContextValue(Author.CONTEXT_KEY) Author author) {
		Edge removed = this.edits.unlink(author, input);
		return Map.of("id", removed.id(), "removed", removed);
	}

	@QueryMapping
	List<HistoryEvent> history(@Argument String id, @Argument boolean withTies, @Argument int first,
			@ContextValue(Visibility.CONTEXT_KEY) Visibility visibility) {
		BadRequestException.requireBetween("first", first, 1, MAX_HISTORY);
		List<HistoryEvent> events = this.reads.list("editing/history", visibility,
				Map.of("id", id, "endId", withTies ? id : "", "first", first),
				(r) -> HistoryEvent.of(r.get("event"), r.get("earlierHidden").asBoolean()));
		// "no changes" only for an item the caller may see: an unknown id is a wrong question, not an empty answer,
		// and a hidden one answers exactly as an unknown one
		if (events.isEmpty() && !visible(id, visibility)) {
			throw new NotFoundException("id", id);
		}
		return events;
	}

	private boolean visible(String id, Visibility visibility) {
		Matcher tie = Edits.TIE_ID.matcher(id);
		boolean isTie = tie.matches();
		return this.reads
			.one("editing/item-visible", visibility,
					Map.of("id", id, "from", isTie ? tie.group(1) : "", "to", isTie ? tie.group(3) : ""),
					(r) -> r.get("visible").asBoolean())
			.orElse(false);
	}

}
