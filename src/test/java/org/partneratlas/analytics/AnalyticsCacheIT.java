package org.partneratlas.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.DataVersion;
import org.partneratlas.graph.ExpensiveWork;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics cache on its own, over a real Neo4j for the data version: what invalidates an entry, what does not,
 * whose entry is whose, and that it stays within its bounds.
 */
class AnalyticsCacheIT {

	static final Driver DRIVER = TestNeo4j.fixtures();

	static final DataVersion VERSION = new DataVersion(DRIVER,
			new AtlasProperties(null, Duration.ofSeconds(30), null, "neo4j"));

	static AnalyticsCache cache(int entries, long ids) {
		return new AnalyticsCache(VERSION, new ExpensiveWork(0, Duration.ofSeconds(2)), entries, ids);
	}

	/** Two committed writes that leave the store as it was (one that creates and deletes in one is no write). */
	static void rawWrite() {
		try (var session = DRIVER.session()) {
			session.run("CREATE (:CacheProbe)").consume();
			session.run("MATCH (n:CacheProbe) DELETE n").consume();
		}
	}

	@Test
	void theDataVersionMovesWithEveryCommittedWriteAndOnlyThen() {
		DataVersion.Version before = VERSION.current();
		assertThat(before.transaction()).as("the database tells its last transaction").isNotNull();
		try (var session = DRIVER.session()) {
			session.run("MATCH (n) RETURN count(n)").consume();
		}
		assertThat(VERSION.current()).isEqualTo(before);
		rawWrite();
		DataVersion.Version afterRaw = VERSION.current();
		assertThat(afterRaw).isNotEqualTo(before);
		VERSION.changed();
		assertThat(VERSION.current()).isNotEqualTo(afterRaw);
		// a write that is rolled back changes nothing
		DataVersion.Version settled = VERSION.current();
		try (var session = DRIVER.session(); var tx = session.beginTransaction()) {
			tx.run("CREATE (n:CacheProbe)").consume();
			tx.rollback();
		}
		assertThat(VERSION.current()).isEqualTo(settled);
	}

	@Test
	void anAnswerIsKeptUntilTheNextCommittedWrite() {
		AnalyticsCache cache = cache(16, 1_000);
		AtomicInteger computed = new AtomicInteger();
		List<Object> question = List.of("q");
		assertThat(cache.answer(Visibility.ANONYMOUS, question, computed::incrementAndGet, (a) -> 1)).isEqualTo(1);
		assertThat(cache.answer(Visibility.ANONYMOUS, question, computed::incrementAndGet, (a) -> 1)).isEqualTo(1);
		assertThat(cache.computations()).isEqualTo(1);
		rawWrite();
		assertThat(cache.answer(Visibility.ANONYMOUS, question, computed::incrementAndGet, (a) -> 1)).isEqualTo(2);
		assertThat(cache.computations()).isEqualTo(2);
	}

	@Test
	void aRefusalIsKeptLikeAnAnswerForTheSameGrantsUntilTheNextWrite() {
		AnalyticsCache cache = cache(16, 1_000);
		AtomicInteger asked = new AtomicInteger();
		java.util.function.Supplier<Object> refuse = () -> {
			asked.incrementAndGet();
			throw new org.partneratlas.graph.BadRequestException("too large: " + asked.get());
		};
		List<Object> question = List.of("too large");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> cache.answer(Visibility.ANONYMOUS, question, refuse, (a) -> 1))
			.hasMessage("too large: 1");
		// asked again: the same refusal, not a second count of the data
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> cache.answer(Visibility.ANONYMOUS, question, refuse, (a) -> 1))
			.hasMessage("too large: 1");
		assertThat(asked).hasValue(1);
		// another caller's grants: its own question (its visible projection may be smaller)
		assertThat(cache.answer(Visibility.clearedFor(Tlp.RED), question, () -> "answered", (a) -> 1))
			.isEqualTo("answered");
		// a write: the data may have shrunk, so it is asked again
		rawWrite();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> cache.answer(Visibility.ANONYMOUS, question, refuse, (a) -> 1))
			.hasMessage("too large: 2");
		// a failure that is not a refusal (a timeout, say) is not kept
		AtomicInteger failed = new AtomicInteger();
		for (int i = 0; i < 2; i++) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.answer(Visibility.ANONYMOUS,
					List.of("times out"), () -> {
						failed.incrementAndGet();
						throw new IllegalStateException("timed out");
					}, (a) -> 1))
				.hasMessage("timed out");
		}
		assertThat(failed).hasValue(2);
	}

	@Test
	void callersWithOtherGrantsNeverShareAnEntryEvenWhenTheirClearanceIsTheSame() {
		AnalyticsCache cache = cache(64, 1_000);
		List<Visibility> callers = List.of(Visibility.ANONYMOUS, Visibility.clearedFor(Tlp.GREEN),
				Visibility.clearedFor(Tlp.AMBER), new Visibility(Tlp.AMBER_STRICT, "org:o1", Set.of()),
				new Visibility(Tlp.AMBER_STRICT, "org:o2", Set.of()), new Visibility(Tlp.RED, null, Set.of("group:g1")),
				new Visibility(Tlp.RED, null, Set.of("group:g2")), new Visibility(Tlp.CLEAR, null, Set.of("group:g1")));
		for (int round = 0; round < 2; round++) {
			for (Visibility caller : callers) {
				// the answer names its caller: an answer served to anyone else is caught
				assertThat(cache.answer(caller, List.of("same question"), caller::toString, (a) -> 1))
					.isEqualTo(caller.toString());
			}
		}
		assertThat(cache.computations()).isEqualTo(callers.size());
		// the same grants are the same caller for the data: an organisation below AMBER+STRICT grants nothing more
		assertThat(cache.answer(new Visibility(Tlp.CLEAR, "org:o1", Set.of()), List.of("same question"),
				() -> "computed again", (a) -> 1))
			.isEqualTo(Visibility.ANONYMOUS.toString());
	}

	@Test
	void theCacheStaysWithinItsBoundsDroppingTheLeastRecentlyUsed() {
		AnalyticsCache cache = cache(3, 10);
		for (int i = 0; i < 5; i++) {
			int n = i;
			cache.answer(Visibility.ANONYMOUS, List.of("q", i), () -> n, (a) -> 2);
		}
		assertThat(cache.held()).containsExactly(3, 6);
		cache.answer(Visibility.ANONYMOUS, List.of("q", 2), () -> -1, (a) -> 2); // still kept, now the most recent
		long before = cache.computations();
		cache.answer(Visibility.ANONYMOUS, List.of("q", 0), () -> 0, (a) -> 2); // dropped: computed again
		assertThat(cache.computations()).isEqualTo(before + 1);
		for (int i = 10; i < 14; i++) {
			cache.answer(Visibility.ANONYMOUS, List.of("q", i), () -> 0, (a) -> 3);
		}
		assertThat(cache.held()[1]).isLessThanOrEqualTo(10);
		// an answer larger than a quarter of the room is answered but not kept
		long[] held = cache.held();
		assertThat(cache.answer(Visibility.ANONYMOUS, List.of("big"), () -> "big", (a) -> 3_000)).isEqualTo("big");
		assertThat(cache.held()).containsExactly(held);
	}

	@Test
	void manyCallersAskingAtOnceCostOneComputation() throws Exception {
		AnalyticsCache cache = cache(16, 1_000);
		AtomicInteger computed = new AtomicInteger();
		java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
		List<Thread> threads = new java.util.ArrayList<>();
		List<Object> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		for (int i = 0; i < 8; i++) {
			threads.add(Thread.ofVirtual().start(() -> answers.add(cache.answer(Visibility.ANONYMOUS, List.of("slow"), () -> {
				started.countDown();
				try {
					Thread.sleep(300);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return computed.incrementAndGet();
			}, (a) -> 1))));
		}
		for (Thread t : threads) {
			t.join(10_000);
		}
		assertThat(answers).hasSize(8).containsOnly(1);
		assertThat(computed).hasValue(1);
	}

}
