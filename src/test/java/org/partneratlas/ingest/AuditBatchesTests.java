package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A create-only import's audit events as batch nodes: slices, one entry per event at the same index of each list. */
class AuditBatchesTests {

	private static Map<String, Object> event(int i, boolean tie) {
		Map<String, Object> e = new HashMap<>();
		e.put("id", "e" + i);
		e.put("by", "import:test");
		e.put("role", "admin");
		e.put("requestId", "import-run");
		e.put("reason", "import m.yaml (source:x)");
		e.put("action", tie ? "LINKED" : "CREATED");
		e.put("itemId", tie ? "org:a" + i + "-FUNDS->org:b" + i + "#funder" : "org:n" + i);
		e.put("from", tie ? "org:a" + i : null);
		e.put("to", tie ? "org:b" + i : null);
		e.put("version", 1);
		e.put("changes", "[{\"key\":\"name\",\"before\":[],\"after\":[\"N " + i + "\"]}]");
		e.put("reason", "import m.yaml (source:x)");
		e.put("access", (i % 2 == 0) ? List.of("tlp:GREEN") : List.of("red:org:a", "red:group:b"));
		e.put("accessBefore", null);
		return e;
	}

	@Test
	void slicesEventsIntoBatchesOfFiveHundredEntriesEachAtTheSameIndexOfEveryList() {
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			events.add(event(i, i >= 600));
		}
		List<Map<String, Object>> batches = ImportBatches.auditBatches(events);
		assertThat(batches).extracting((b) -> ((List<?>) b.get("items")).size()).containsExactly(500, 500, 1);
		assertThat(batches).extracting((b) -> b.get("id")).doesNotHaveDuplicates();
		Map<String, Object> second = batches.get(1);
		// entry 150 of the second batch is event 650, a tie
		assertThat(((List<?>) second.get("items")).get(150)).isEqualTo("org:a650-FUNDS->org:b650#funder");
		assertThat(((List<?>) second.get("actions")).get(150)).isEqualTo("LINKED");
		assertThat(((List<?>) second.get("froms")).get(150)).isEqualTo("org:a650");
		assertThat(((List<?>) second.get("tos")).get(150)).isEqualTo("org:b650");
		assertThat(((List<?>) second.get("accesses")).get(150)).isEqualTo("tlp:GREEN");
		assertThat(((List<?>) second.get("accesses")).get(151)).isEqualTo("red:org:a red:group:b");
		assertThat(((List<?>) second.get("changes")).get(150)).asString().contains("N 650");
		// a node's entry has no ends; the keys of the full-text index hold every id once, ends only where there are
		assertThat(((List<?>) second.get("froms")).get(0)).isEqualTo("");
		assertThat((String) second.get("itemText")).startsWith("org:n500 org:n501 ").contains(" org:a650-FUNDS->org:b650#funder ");
		assertThat(((String) second.get("fromText")).split(" ")).hasSize(400).startsWith("org:a600");
		assertThat(batches.get(0).get("fromText")).isEqualTo("");
		assertThat(second).containsEntry("by", "import:test").containsEntry("requestId", "import-run")
			.containsEntry("reason", "import m.yaml (source:x)");
	}

	@Test
	void refusesEventsOfDifferentRunsOrWithAnEarlierStateOrAnIdWithWhitespace() {
		Map<String, Object> other = event(1, false);
		other.put("requestId", "another-run");
		assertThatThrownBy(() -> ImportBatches.auditBatches(List.of(event(0, false), other)))
			.hasMessageContaining("requestId");
		Map<String, Object> updated = event(0, false);
		updated.put("accessBefore", List.of("tlp:CLEAR"));
		assertThatThrownBy(() -> ImportBatches.auditBatches(List.of(updated))).hasMessageContaining("earlier state");
		Map<String, Object> spaced = event(0, false);
		spaced.put("itemId", "org:a b");
		assertThatThrownBy(() -> ImportBatches.auditBatches(List.of(spaced))).hasMessageContaining("whitespace");
	}

}
