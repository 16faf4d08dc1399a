package org.partneratlas.graph;

/**
 * The request asks for something the API does not answer (a page too large, a depth out of range, a malformed
 * cursor). Its message goes to the caller as it is: say what was wrong and what is allowed.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

	/** Refuses an argument outside its stated range, naming the argument, the range and the value. */
	public static void requireBetween(String argument, int value, int min, int max) {
		if (value < min || value > max) {
			throw new BadRequestException(
					"'" + argument + "' must be between " + min + " and " + max + ", not " + value);
		}
	}

}
