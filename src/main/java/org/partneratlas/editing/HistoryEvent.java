package org.partneratlas.editing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One committed change of an item, as the audit trail recorded it in the change's own transaction.
 *
 * @param id the event's id
 * @param at when the change committed (ISO 8601, UTC)
 * @param by who made it
 * @param role the role they made it in
 * @param requestId the request that made it
 * @param action what kind of change
 * @param itemId the node or tie changed
 * @param from the tie's start, for a tie
 * @param to the tie's end, for a tie
 * @param version the item's version after the change (a stamp, see {@code Edits.nextVersion})
 * @param changes each changed field, before and after (none when the earlier state was hidden from the caller)
 * @param reason why, where the writer said so (a removal always says)
 * @param earlierHidden whether the caller could not see the item before this change
 */
record HistoryEvent(String id, String at, String by, String role, String requestId, Action action, String itemId,
		@Nullable String from, @Nullable String to, int version, List<Change> changes, @Nullable String reason,
		boolean earlierHidden) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * An event as a caller may see it: without its changes when the state before it was hidden from them. The value is
	 * the event's properties as a map (an {@code AuditEvent} node's, or an entry of an {@code AuditBatch}).
	 */
	static HistoryEvent of(Value value, boolean earlierHidden) {
		Map<String, Object> e = value.asMap();
		List<Change> changes = earlierHidden ? List.of()
				: JSON.readValue(String.valueOf(e.get("changes")), new TypeReference<List<Change>>() {
				});
		return new HistoryEvent(String.valueOf(e.get("id")), value.get("at").asZonedDateTime().toInstant().toString(),
				String.valueOf(e.get("by")), String.valueOf(e.get("role")), String.valueOf(e.get("requestId")),
				Action.valueOf(String.valueOf(e.get("action"))), String.valueOf(e.get("itemId")),
				(String) e.get("from"), (String) e.get("to"), ((Number) e.get("version")).intValue(), changes,
				(String) e.get("reason"), earlierHidden);
	}

	/** What kind of change (PROMOTED and REMOVED are the workspace's saved queries and views). */
	enum Action {

		CREATED, UPDATED, LINKED, UNLINKED, PROMOTED, REMOVED

	}

	/**
	 * A field's values before and after a change, each as a list of text (empty when absent).
	 *
	 * @param key the field, in the curated data's terms ({@code kind}, {@code tlp}, {@code sources})
	 * @param before its values before
	 * @param after its values after
	 */
	record Change(String key, List<String> before, List<String> after) {
	}

}
