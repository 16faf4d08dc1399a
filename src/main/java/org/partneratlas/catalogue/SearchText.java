package org.partneratlas.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.partneratlas.graph.BadRequestException;

/**
 * Turns what a person types into a Lucene query for the full-text index: each word must match a word or the start of
 * one ({@code europ spa} finds "European Space Agency"). Only letters and digits pass, so no Lucene syntax from the
 * caller (quotes, wildcards, field names, boolean operators) reaches the index.
 */
final class SearchText {

	static final int MAX_LENGTH = 200;

	private SearchText() {
	}

	/** The words of a search text, lower case, at most 10. */
	static List<String> words(String text) {
		if (text.isBlank() || text.length() > MAX_LENGTH) {
			throw new BadRequestException("search text must have 1 to " + MAX_LENGTH + " characters");
		}
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
			int c = text.codePointAt(i);
			if (Character.isLetterOrDigit(c)) {
				word.appendCodePoint(Character.toLowerCase(c));
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		if (words.isEmpty()) {
			throw new BadRequestException("search text must contain a letter or a digit");
		}
		return words.subList(0, Math.min(10, words.size()));
	}

	/** The Lucene query: every word as a whole word (boosted) or as a prefix. */
	static String lucene(String text) {
		return String.join(" AND ", words(text).stream().map((w) -> "(" + w + "^2 OR " + w + "*)").toList());
	}

	/** A pattern (Cypher's {@code =~}, whole text) for a text holding this word as a whole word. */
	static String wholeWord(String word) {
		return "(?s).*(?<![\\p{L}\\p{N}])" + word + "(?![\\p{L}\\p{N}]).*";
	}

	/** A pattern for a text holding a word that starts with this one. */
	static String wordStart(String word) {
		return "(?s).*(?<![\\p{L}\\p{N}])" + word + ".*";
	}

	/** The text as an exact name or acronym would be compared. */
	static String exact(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

}
