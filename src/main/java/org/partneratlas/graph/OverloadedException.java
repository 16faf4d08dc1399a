package org.partneratlas.graph;

import java.time.Duration;

/**
 * No slot for expensive work came free in time: the caller gets an {@code OVERLOADED} error, HTTP 503 and a
 * {@code Retry-After}. Nothing was computed.
 */
public class OverloadedException extends RuntimeException {

	private final Duration retryAfter;

	public OverloadedException(String message, Duration retryAfter) {
		super(message, null, false, false);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
