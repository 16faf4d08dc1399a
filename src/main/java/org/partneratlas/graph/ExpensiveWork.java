package org.partneratlas.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A bound on the expensive questions (analytics over the whole visible projection, k-shortest paths, deep
 * neighbourhoods) the service works on at once, so that a flood of them cannot starve cheap questions: at most
 * {@code atlas.limits.expensive-concurrency} run at a time (default: one less than the processors, at least one); a
 * question that finds no free slot within {@code atlas.limits.expensive-wait} is refused as {@code OVERLOADED} (HTTP
 * 503 with {@code Retry-After}) having done nothing.
 * <p>
 * The work runs on platform threads of its own, not on the request's virtual thread: an in-service computation does
 * not block, so on a virtual thread it would hold one of the few carrier threads that every other request needs to
 * run on. The request's {@link Deadline} goes with it.
 */
@Component
public class ExpensiveWork {

	private final Semaphore slots;

	private final Duration wait;

	private final int concurrency;

	public ExpensiveWork(@Value("${atlas.limits.expensive-concurrency:0}") int concurrency,
			@Value("${atlas.limits.expensive-wait:2s}") Duration wait) {
		this.concurrency = (concurrency > 0) ? concurrency
				: Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
		this.slots = new Semaphore(this.concurrency, true);
		this.wait = wait;
	}

	private OverloadedException overloaded() {
		return new OverloadedException("The service is busy with expensive questions (" + this.concurrency
				+ " at a time): nothing was computed, ask again in a moment", Duration.ofSeconds(1));
	}

	/** How many expensive questions may run at once. */
	public int concurrency() {
		return this.concurrency;
	}

	/**
	 * The answer to one question, worked out once per request however often the request asks it (aliases asking the
	 * same question with other selections share it), in a free slot ({@link #run}). {@code question} names the field
	 * and every argument the work depends on; the request is the one whose {@link Deadline} this thread runs under.
	 */
	public <T> T once(List<Object> question, Supplier<T> work) {
		Deadline request = Deadline.current();
		if (request == null) {
			return run(work);
		}
		Map<List<Object>, Object> done = request.answers();
		@SuppressWarnings("unchecked")
		T answer = (T) done.get(question);
		if (answer == null) {
			answer = run(work);
			done.put(question, answer);
		}
		return answer;
	}

	/**
	 * The answer to one question, worked out once per request however often the request asks it, on this thread and
	 * without a slot: for the cheap part of an expensive answer (reading a cache, resolving the nodes of a ranking)
	 * that aliases of one question need not repeat.
	 */
	public <T> T oncePerRequest(List<Object> question, Supplier<T> work) {
		Deadline request = Deadline.current();
		if (request == null) {
			return work.get();
		}
		@SuppressWarnings("unchecked")
		T answer = (T) request.answers().get(question);
		if (answer == null) {
			answer = work.get();
			request.answers().put(question, answer);
		}
		return answer;
	}

	/** Runs {@code work} in a free slot, on a platform thread, under the caller's deadline; waits for its answer. */
	public <T> T run(Supplier<T> work) {
		Deadline deadline = Deadline.current();
		if (deadline != null && deadline.refused) {
			// one of this request's questions found no slot: the others do not queue again
			throw overloaded();
		}
		Duration waitAtMost = this.wait;
		if (deadline != null && deadline.remaining().compareTo(waitAtMost) < 0) {
			waitAtMost = deadline.remaining();
		}
		try {
			if (!this.slots.tryAcquire(Math.max(0, waitAtMost.toNanos()), TimeUnit.NANOSECONDS)) {
				if (deadline != null) {
					deadline.check();
					deadline.refused = true;
				}
				throw overloaded();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OverloadedException("interrupted while waiting for a slot", Duration.ofSeconds(1));
		}
		try {
			var task = new java.util.concurrent.FutureTask<T>(
					() -> (deadline != null) ? deadline.run(work) : work.get());
			Thread.ofPlatform().name("atlas-expensive").daemon().start(task);
			try {
				return task.get();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				task.cancel(true);
				Thread.currentThread().interrupt();
				throw new OverloadedException("interrupted while computing", Duration.ofSeconds(1));
			}
		}
		finally {
			this.slots.release();
		}
	}

}
