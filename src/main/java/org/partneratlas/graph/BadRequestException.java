package org.partneratlas.graph;

/**
 * The request asks for something the API does not answer (a page too large, a depth out of range, a malformed
 * cursor). Its message goes to the caller as it is: say what was wrong and what is allowed.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
