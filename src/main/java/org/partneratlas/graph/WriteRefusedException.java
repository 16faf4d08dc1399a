package org.partneratlas.graph;

import java.util.List;
import java.util.Map;

/**
 * A write that is refused, with nothing written: the message says what was wrong and where, and the classification
 * tells a client what to do about it (fix the input, re-read and retry, or ask someone with more rights).
 */
public class WriteRefusedException extends RuntimeException {

	private final Reason reason;

	private final Map<String, Object> details;

	public WriteRefusedException(Reason reason, String message) {
		this(reason, message, Map.of());
	}

	public WriteRefusedException(Reason reason, String message, Map<String, Object> details) {
		super(message);
		this.reason = reason;
		this.details = details;
	}

	/** Refuses an input with every problem found: each names the input field ({@code input.kind}) and the reason. */
	public static WriteRefusedException invalid(List<Map<String, String>> problems) {
		String summary = String.join("; ",
				problems.stream().map((p) -> p.get("field") + ": " + p.get("reason")).toList());
		return new WriteRefusedException(Reason.BAD_REQUEST, "The input was refused, nothing was written: " + summary,
				Map.of("problems", problems));
	}

	public Reason reason() {
		return this.reason;
	}

	/** What goes into the error's extensions besides its classification. */
	public Map<String, Object> details() {
		return this.details;
	}

	/** Why a write was refused; each is an error classification clients can switch on. */
	public enum Reason {

		/** The input is malformed or breaks a rule of the model; fix it and send it again. */
		BAD_REQUEST,
		/** No credentials were presented; writes need them. */
		UNAUTHORIZED,
		/** The caller's role or clearance does not allow this write. */
		FORBIDDEN,
		/** No item with that id, or one the caller may not see (the two are indistinguishable). */
		NOT_FOUND,
		/** The item changed since the caller read it (stale version), or the id is taken; re-read and retry. */
		CONFLICT

	}

}
