package org.partneratlas.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.Yaml;

/**
 * {@code seed/expectations.yaml}: the instrument families the source documents enumerate and the domain questions the
 * curated graph must answer, both written from the documents (not from the seed files).
 */
record Expectations(List<Family> families, List<Question> questions) {

	static final String RESOURCE = "/seed/expectations.yaml";

	/** Reads the expectations from the test classpath. */
	@SuppressWarnings("unchecked")
	static Expectations load() {
		try (InputStream in = Objects.requireNonNull(Expectations.class.getResourceAsStream(RESOURCE), RESOURCE)) {
			Map<String, Object> yaml = new Yaml().load(in);
			List<Family> families = ((List<Map<String, Object>>) yaml.get("families")).stream().map(Family::of).toList();
			List<Question> questions = ((List<Map<String, Object>>) yaml.get("questions")).stream()
				.map(Question::of)
				.toList();
			return new Expectations(families, questions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A family of instruments (or projects, or cooperations) whose parties a document lists.
	 *
	 * @param name what the family is
	 * @param kind the kind of its instruments or projects (of the cooperating actors for {@code COOPERATES_WITH})
	 * @param status the status of its instruments or projects, if the family is cut by status
	 * @param source the citation ({@code "004: footnote 13"}) that lists the parties
	 * @param type how a party is tied: {@code PARTY_TO}, {@code PARTICIPATES_IN} or {@code COOPERATES_WITH}
	 * @param role the party's role ({@code partner}, {@code host}), for {@code PARTY_TO} and {@code PARTICIPATES_IN}
	 * @param from the actor that cooperates, for {@code COOPERATES_WITH}
	 * @param parties the parties, exactly
	 */
	record Family(String name, String kind, String status, String source, String type, String role, String from,
			List<String> parties) {

		@SuppressWarnings("unchecked")
		static Family of(Map<String, Object> yaml) {
			String[] tie = ((String) yaml.get("tie")).split(" ");
			boolean cooperation = tie[0].equals("COOPERATES_WITH");
			if (cooperation && !(tie.length == 3 && tie[1].equals("from"))) {
				throw new IllegalArgumentException("expected 'COOPERATES_WITH from <id>', not " + yaml.get("tie"));
			}
			return new Family((String) yaml.get("name"), (String) yaml.get("kind"), (String) yaml.get("status"),
					(String) yaml.get("source"), tie[0], cooperation ? null : tie[1], cooperation ? tie[2] : null,
					List.copyOf((List<String>) yaml.get("parties")));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * A domain question.
	 *
	 * @param question the question, as a test names it
	 * @param expect the exact set of ids that answer it
	 * @param note where the documents say so
	 * @param tlp the clearance of the caller who asks (absent: the caller sees everything)
	 */
	record Question(String question, List<String> expect, String note, String tlp) {

		@SuppressWarnings("unchecked")
		static Question of(Map<String, Object> yaml) {
			List<String> expect = (List<String>) yaml.get("expect");
			return new Question((String) yaml.get("question"), (expect != null) ? List.copyOf(expect) : List.of(),
					(String) yaml.get("note"), (String) yaml.get("tlp"));
		}

		/** Whether an anonymous caller (who sees CLEAR data only, as every caller does until authentication) may ask it. */
		boolean askableAnonymously() {
			return this.tlp == null || this.tlp.equals("CLEAR");
		}

	}

}
