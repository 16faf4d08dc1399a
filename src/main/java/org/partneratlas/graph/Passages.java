package org.partneratlas.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The passages citations point at, from the source documents shipped under {@code seed-data/documents/} (one file a
 * document, named by its id: {@code 004.txt} for {@code source:004}). A file is plain text with its section headings
 * on lines of their own after {@code ## }; what comes before the first heading is the document's lead paragraphs;
 * footnotes stay as the document's export writes them, a mark {@code [footnoteRef:13]} in the text and the note
 * {@code [13: text]} after it.
 * <p>
 * A locator resolves as the curated data writes it: a section heading ({@code Cybersecurity}), {@code lead
 * paragraphs}, {@code the whole document} (a source citing itself: its opening paragraph), {@code footnote 13}, or a
 * heading followed by {@code , footnote 13} (the footnote wins: it is the more
 * precise place). A section answers with its text (footnote marks as {@code [13]}, notes left out); a footnote answers
 * with the sentence that carries its mark and then the note, since the note alone ("Japan, Korea, Singapore") seldom
 * says what the list is of. Headings match ignoring case and the curly/straight apostrophe.
 */
@Component
public class Passages {

	private static final Pattern FOOTNOTE_LOCATOR = Pattern.compile("(?:.*,\\s*)?footnote\\s+(\\d+)\\s*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NOTE = Pattern.compile("\\[(\\d+):\\s*(.*?)\\s*\\]", Pattern.DOTALL);

	private static final Pattern MARK = Pattern.compile("\\[footnoteRef:(\\d+)\\]");

	/** Where a sentence ends: after . ! ? (and a closing quote or bracket) before a space and a capital or digit. */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’)\\]]?)\\s+(?=[\\p{Lu}\\d“\"•·])");

	/** The reference data countries come from: the ISO 3166-1 list the Java runtime carries, not a document. */
	static final String ISO_SOURCE = "source:iso3166";

	private static final Pattern ISO_LOCATOR = Pattern.compile("ISO 3166-1 alpha-2(?: ([A-Z]{2}))?");

	private final Map<String, Document> documents = new HashMap<>();

	public Passages() {
		this("classpath*:seed-data/documents/*.txt");
	}

	Passages(String pattern) {
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
				String file = resource.getFilename();
				if (file == null || !file.endsWith(".txt")) {
					continue;
				}
				String id = "source:" + file.substring(0, file.length() - 4);
				this.documents.put(id, Document.parse(resource.getContentAsString(StandardCharsets.UTF_8)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the source documents (" + pattern + ")", ex);
		}
	}

	/** The passage a citation points at, or empty when its document is not shipped or the locator names no place. */
	public Optional<String> passage(Citation citation) {
		if (ISO_SOURCE.equals(citation.sourceId())) {
			return isoPassage(citation.locator());
		}
		Document document = this.documents.get(citation.sourceId());
		if (document == null) {
			return Optional.empty();
		}
		Matcher footnote = FOOTNOTE_LOCATOR.matcher(citation.locator());
		if (footnote.matches()) {
			return document.footnote(footnote.group(1));
		}
		return document.section(citation.locator());
	}

	/** An ISO 3166-1 entry, read from the list it comes from: "IN is the ISO 3166-1 alpha-2 code of India." */
	private static Optional<String> isoPassage(String locator) {
		Matcher iso = ISO_LOCATOR.matcher(locator.strip());
		if (!iso.matches()) {
			return Optional.empty();
		}
		if (iso.group(1) == null) {
			return Optional.of("ISO 3166-1 alpha-2: the two-letter country codes of the ISO 3166-1 standard.");
		}
		String code = iso.group(1);
		if (!java.util.Set.of(Locale.getISOCountries()).contains(code)) {
			return Optional.empty();
		}
		return Optional.of(code + " is the ISO 3166-1 alpha-2 code of "
				+ Locale.of("", code).getDisplayCountry(Locale.ENGLISH) + ".");
	}

	/** The ids of the documents shipped ({@code source:004}...). */
	public java.util.Set<String> documentIds() {
		return java.util.Collections.unmodifiableSet(this.documents.keySet());
	}

	/** Splits a passage into sentences (bullet lines are sentences of their own). */
	public static List<String> sentences(String passage) {
		List<String> sentences = new ArrayList<>();
		for (String paragraph : passage.split("\\n+")) {
			for (String sentence : SENTENCE_END.split(paragraph.strip())) {
				if (!sentence.isBlank()) {
					sentences.add(sentence.strip());
				}
			}
		}
		return sentences;
	}

	static String key(String heading) {
		return heading.replace('\u2019', '\'').replace('\u2018', '\'').strip().toLowerCase(Locale.ROOT);
	}

	/** One document: its sections by heading key, its lead paragraphs, its footnotes and the text around their marks. */
	private record Document(Map<String, String> sections, String lead, Map<String, String> notes,
			Map<String, String> citing) {

		static Document parse(String text) {
			Map<String, String> notes = new HashMap<>();
			Matcher note = NOTE.matcher(text);
			while (note.find()) {
				notes.putIfAbsent(note.group(1), note.group(2).replaceAll("\\s+", " ").strip());
			}
			Map<String, String> sections = new LinkedHashMap<>();
			Map<String, String> citing = new HashMap<>();
			StringBuilder lead = new StringBuilder();
			String heading = null;
			StringBuilder body = new StringBuilder();
			for (String line : text.split("\\n")) {
				if (line.startsWith("## ")) {
					if (heading != null) {
						sections.put(key(heading), clean(body.toString()));
					}
					heading = line.substring(3);
					body.setLength(0);
					continue;
				}
				Matcher mark = MARK.matcher(line);
				while (mark.find()) {
					citing.putIfAbsent(mark.group(1), sentenceAround(line, mark.start()));
				}
				((heading != null) ? body : lead).append(line).append('\n');
			}
			if (heading != null) {
				sections.put(key(heading), clean(body.toString()));
			}
			return new Document(sections, clean(lead.toString()), notes, citing);
		}

		Optional<String> section(String locator) {
			if ("the whole document".equals(key(locator))) {
				// a source cites itself as a whole: its opening paragraph stands for it
				String first = this.lead.isEmpty() ? this.sections.values().stream().findFirst().orElse("") : this.lead;
				String opening = first.split("\n", 2)[0];
				return opening.isEmpty() ? Optional.empty() : Optional.of(opening);
			}
			if ("lead paragraphs".equals(key(locator))) {
				return this.lead.isEmpty() ? Optional.empty() : Optional.of(this.lead);
			}
			return Optional.ofNullable(this.sections.get(key(locator))).filter((s) -> !s.isEmpty());
		}

		Optional<String> footnote(String number) {
			String note = this.notes.get(number);
			if (note == null) {
				return Optional.empty();
			}
			String sentence = this.citing.get(number);
			return Optional.of((sentence != null) ? sentence + "\n[" + number + "] " + note : "[" + number + "] " + note);
		}

		/** The sentence of a line that holds a footnote mark at {@code at}, cleaned. */
		private static String sentenceAround(String line, int at) {
			String whole = clean(line.substring(0, at) + "\u0000" + line.substring(at));
			int marker = whole.indexOf('\u0000');
			int position = 0;
			for (String sentence : SENTENCE_END.split(whole)) {
				int start = whole.indexOf(sentence, position);
				if (marker >= start && marker <= start + sentence.length()) {
					return sentence.replace("\u0000", "").strip();
				}
				position = start + sentence.length();
			}
			return whole.replace("\u0000", "").strip();
		}

		/** Notes out, marks as [N], runs of blank lines and spaces folded. */
		private static String clean(@Nullable String text) {
			if (text == null) {
				return "";
			}
			String withoutNotes = NOTE.matcher(text).replaceAll("");
			String marks = MARK.matcher(withoutNotes).replaceAll("[$1]");
			return marks.replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\\n{2,}", "\n").strip();
		}

	}

}
