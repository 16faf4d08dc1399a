package org.partneratlas.analytics;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.DataVersion;
import org.partneratlas.graph.Deadline;
import org.partneratlas.graph.DeadlineExceededException;
import org.partneratlas.graph.ExpensiveWork;
import org.partneratlas.graph.Visibility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Analytics answers kept between requests, so that a question asked again answers in milliseconds and many callers
 * asking the same question at once cost one computation.
 * <p>
 * <b>Whose answer.</b> An answer is kept under the caller's <em>grants</em> (the set of access entries the caller
 * holds, {@link Visibility#grants()}) and the question (the field and every argument the computation depends on).
 * Every statement behind an analytics answer reads the data through {@code $grants} and nothing else of the caller,
 * so two callers with the same grants are asked the same question of the same data; two callers whose grants differ
 * in any entry (clearance, organisation for AMBER+STRICT, a RED recipient group) never share an entry, even when
 * their answers happen to agree.
 * <p>
 * <b>Which data.</b> An entry is tagged with the {@link DataVersion} read before its computation began, and served only
 * while the version is unchanged: any committed write (an edit, an import, a restore, a load, a write by anyone on
 * the same Neo4j) makes every entry stale at once. {@code atlas.analytics.cache.max-age} bounds the age of an entry
 * besides, for a Neo4j that does not tell its last transaction.
 * <p>
 * <b>How much memory.</b> Entries hold rankings (at most {@value AnalyticsController#MAX_TOP} ids and scores) and
 * community memberships (one id per actor), never the projection; the cache keeps at most
 * {@code atlas.analytics.cache.max-entries} entries and {@code atlas.analytics.cache.max-ids} ids in all, dropping
 * the least recently used first; an answer larger than a quarter of that is not kept at all.
 * <p>
 * <b>Once.</b> Callers asking the same question of the same data while it is being computed wait for that one
 * computation (within their own deadline) instead of starting their own; aliases in one request are answered from
 * the cache, or from the request's own answers ({@link ExpensiveWork#once}) when the answer is too large to keep.
 * {@code atlas.analytics.computations} counts the computations, {@code atlas.analytics.cache} hits and misses.
 * <p>
 * <b>Refusals.</b> A question refused for what it asks of the data (a projection past its budget, exact betweenness
 * past the work budget) is kept like an answer, under the same grants and version: finding out cost as much as a
 * computation, and asking again changes nothing until the next write.
 */
@Component
class AnalyticsCache {

	private final DataVersion version;

	private final ExpensiveWork work;

	private final int maxEntries;

	private final long maxIds;

	private final Duration maxAge;

	private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

	private final Map<Flight, CompletableFuture<Object>> computing = new LinkedHashMap<>();

	private long ids;

	private final Counter computations;

	private final Counter hits;

	private final Counter misses;

	@Autowired
	AnalyticsCache(DataVersion version, ExpensiveWork work, MeterRegistry meters,
			@Value("${atlas.analytics.cache.max-entries:256}") int maxEntries,
			@Value("${atlas.analytics.cache.max-ids:400000}") long maxIds,
			@Value("${atlas.analytics.cache.max-age:10m}") Duration maxAge) {
		this.version = version;
		this.work = work;
		this.maxEntries = maxEntries;
		this.maxIds = maxIds;
		this.maxAge = maxAge;
		this.computations = Counter.builder("atlas.analytics.computations")
			.description("Analytics answers computed (not served from the cache)")
			.register(meters);
		this.hits = Counter.builder("atlas.analytics.cache").tag("result", "hit").register(meters);
		this.misses = Counter.builder("atlas.analytics.cache").tag("result", "miss").register(meters);
	}

	/** A cache for tests outside Spring. */
	AnalyticsCache(DataVersion version, ExpensiveWork work, int maxEntries, long maxIds) {
		this(version, work, new SimpleMeterRegistry(), maxEntries, maxIds, Duration.ofMinutes(10));
	}

	/**
	 * The answer to {@code question} for a caller with this visibility: kept, being computed by another caller, or
	 * computed now in a slot of {@link ExpensiveWork}.
	 * @param size how many ids the answer holds (its weight in the cache)
	 */
	<T> T answer(Visibility visibility, List<Object> question, Supplier<T> compute, ToLongFunction<T> size) {
		// aliases in one request: not even the data version is read again
		return this.work.oncePerRequest(List.of("cached", question),
				() -> answerAcrossRequests(visibility, question, compute, size));
	}

	private <T> T answerAcrossRequests(Visibility visibility, List<Object> question, Supplier<T> compute,
			ToLongFunction<T> size) {
		Key key = new Key(List.copyOf(new TreeSet<>(visibility.grants())), List.copyOf(question));
		DataVersion.Version now = this.version.current();
		T kept = kept(key, now);
		if (kept != null) {
			this.hits.increment();
			return kept;
		}
		this.misses.increment();
		Flight flight = new Flight(key, now);
		CompletableFuture<Object> mine = new CompletableFuture<>();
		CompletableFuture<Object> theirs;
		synchronized (this) {
			theirs = this.computing.putIfAbsent(flight, mine);
		}
		if (theirs != null) {
			T shared = await(theirs);
			if (shared != null) {
				return shared;
			}
			// their computation failed in a way that may not be ours (their deadline was shorter): compute it ourselves
			return this.work.once(question, counted(compute));
		}
		try {
			T answer = this.work.once(question, counted(compute));
			keep(key, now, answer, size.applyAsLong(answer));
			mine.complete(answer);
			return answer;
		}
		catch (BadRequestException refused) {
			// refused for what was asked of this data (a projection too large, say): the same for every caller with
			// these grants until the next write, and it costs what an answer costs to find out (counting 150,000
			// visible rows at L takes 1.1-1.6 s of CPU), so the refusal is kept like an answer
			keep(key, now, new Refusal(refused), 1);
			mine.completeExceptionally(refused);
			throw refused;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			synchronized (this) {
				this.computing.remove(flight, mine);
			}
		}
	}

	private <T> Supplier<T> counted(Supplier<T> compute) {
		return () -> {
			this.computations.increment();
			return compute.get();
		};
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T await(CompletableFuture<Object> theirs) {
		Deadline deadline = Deadline.current();
		try {
			return (T) ((deadline != null) ? theirs.get(Math.max(1, deadline.remaining().toNanos()), TimeUnit.NANOSECONDS)
					: theirs.get());
		}
		catch (TimeoutException ex) {
			throw new DeadlineExceededException(deadline.budget());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for an analytics answer", ex);
		}
		catch (ExecutionException ex) {
			// an answer refused for what was asked (too large a graph, say) is the same for every caller
			if (ex.getCause() instanceof BadRequestException refused) {
				throw refused;
			}
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private synchronized <T> @Nullable T kept(Key key, DataVersion.Version now) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!entry.version().equals(now) || System.nanoTime() - entry.at() > this.maxAge.toNanos()) {
			remove(key);
			return null;
		}
		if (entry.answer() instanceof Refusal refusal) {
			throw refusal.refused();
		}
		return (T) entry.answer();
	}

	private synchronized void keep(Key key, DataVersion.Version version, Object answer, long size) {
		if (size > this.maxIds / 4) {
			return;
		}
		remove(key);
		this.entries.put(key, new Entry(answer, version, size, System.nanoTime()));
		this.ids += size;
		Iterator<Map.Entry<Key, Entry>> eldest = this.entries.entrySet().iterator();
		while ((this.entries.size() > this.maxEntries || this.ids > this.maxIds) && eldest.hasNext()) {
			Map.Entry<Key, Entry> e = eldest.next();
			this.ids -= e.getValue().size();
			eldest.remove();
		}
	}

	private void remove(Key key) {
		Entry old = this.entries.remove(key);
		if (old != null) {
			this.ids -= old.size();
		}
	}

	/** How many answers were computed rather than served from the cache, since start. */
	long computations() {
		return (long) this.computations.count();
	}

	/** How many entries and ids the cache holds now. */
	synchronized long[] held() {
		return new long[] { this.entries.size(), this.ids };
	}

	private record Key(List<String> grants, List<Object> question) {
	}

	private record Flight(Key key, DataVersion.Version version) {
	}

	private record Entry(Object answer, DataVersion.Version version, long size, long at) {
	}

	/** A question refused for what it asked of this data, kept as its answer. */
	private record Refusal(BadRequestException refused) {
	}

}
