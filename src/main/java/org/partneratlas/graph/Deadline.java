package org.partneratlas.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The moment by which a request must be answered. The GraphQL transport starts one for every request and keeps it
 * with the thread that executes the request (controllers run on that thread, see {@code GraphQlTransport}); every
 * statement takes its transaction timeout from what is left ({@link GraphReads}) and every computation in the service
 * checks it in its loops ({@link #checkCurrent()}), so a request stops when its time is up instead of running on
 * after its caller was told it failed. Work handed to another thread carries the deadline along
 * ({@link ExpensiveWork}). Being the one object a request's work shares, it also keeps the answers of the expensive
 * questions the request asked, so that a question asked twice is worked out once.
 */
public final class Deadline {

	private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

	private final long end;

	private final Duration budget;

	private final Map<List<Object>, Object> answers = new ConcurrentHashMap<>();

	/** Set once an expensive question of this request found no slot ({@link ExpensiveWork}). */
	volatile boolean refused;

	private Deadline(Duration budget) {
		this.budget = budget;
		this.end = System.nanoTime() + budget.toNanos();
	}

	/** A deadline {@code budget} from now. */
	public static Deadline in(Duration budget) {
		return new Deadline(budget);
	}

	/** The answers of expensive questions this request has worked out, by question ({@link ExpensiveWork#once}). */
	Map<List<Object>, Object> answers() {
		return this.answers;
	}

	/** The whole time this deadline allowed. */
	public Duration budget() {
		return this.budget;
	}

	/** What is left; zero or negative once passed. */
	public Duration remaining() {
		return Duration.ofNanos(this.end - System.nanoTime());
	}

	public boolean passed() {
		return this.end - System.nanoTime() <= 0;
	}

	/** Stops the work with a {@link DeadlineExceededException} once the deadline has passed. */
	public void check() {
		if (passed()) {
			throw new DeadlineExceededException(this.budget);
		}
	}

	/** The deadline of the work running on this thread, or null outside a request. */
	public static Deadline current() {
		return CURRENT.get();
	}

	/** Checks the deadline of the work running on this thread, if it has one: the call for computation loops. */
	public static void checkCurrent() {
		Deadline deadline = CURRENT.get();
		if (deadline != null) {
			deadline.check();
		}
	}

	/** Runs {@code work} on this thread under this deadline. */
	public <T> T run(Supplier<T> work) {
		Deadline before = CURRENT.get();
		CURRENT.set(this);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		}
	}

}
