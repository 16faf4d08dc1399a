package org.partneratlas.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits every GraphQL request must keep ({@code atlas.limits.*}).
 *
 * @param maxDepth deepest field nesting
 * @param maxCost highest cost: every field, alias and {@code __typename} counts 1, times the list sizes its
 * arguments ask for above it ({@code first}, {@code last}, {@code limit}, {@code top}, {@code k})
 * @param maxBody largest request body
 * @param requestTimeout the deadline of every request: statements and computations stop when it passes and the
 * request is answered 408 with a {@code TIMEOUT} error (a statement's own limit is the smaller of
 * {@code atlas.transaction-timeout} and what is left of this)
 * @param maxExpensiveQuestions most distinct questions of centrality, brokers, communities, paths and neighbourhood
 * in one request
 * @param rate requests per caller
 */
@ConfigurationProperties("atlas.limits")
record RequestLimitsProperties(@DefaultValue("15") int maxDepth, @DefaultValue("20000") int maxCost,
		@DefaultValue("64KB") DataSize maxBody, @DefaultValue("15s") Duration requestTimeout,
		@DefaultValue("5") int maxExpensiveQuestions, @DefaultValue Rate rate) {

	/**
	 * Requests per caller (its token, or its address when anonymous), as a token bucket: {@code capacity} at once,
	 * refilled at {@code perSecond}. A caller over it gets 429 with {@code Retry-After}.
	 *
	 * @param perSecond sustained requests per second
	 * @param capacity burst
	 * @param callers most callers remembered (beyond it the buckets start over)
	 */
	record Rate(@DefaultValue("20") int perSecond, @DefaultValue("40") int capacity,
			@DefaultValue("10000") int callers) {
	}

}
