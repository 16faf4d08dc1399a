package org.partneratlas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Statement shapes Neo4j 2026.08 answers wrongly, kept out of every Cypher file the service sends.
 * <p>
 * A variable with a label in its MATCH pattern and a pure label disjunction in the same MATCH's WHERE
 * ({@code MATCH (v:Entity)-[r]-(a:Actor) WHERE (v:Instrument OR v:Cable)}) lets the planner scan it as an
 * OrderedUnion of IntersectionNodeByLabelsScan. Seen on 2026-12-01: with that union on the build side of a
 * NodeHashJoin, the probe side's label scan stopped after one row and the analytics projection silently lost most
 * of its ties, for the in-service path and the Graph Data Science one alike, depending on which plan the statistics of
 * the moment chose (GdsAnalyticsIT, graph 301 without memberships, after the connectivity fixture). Every such
 * disjunction names labels only carried by entities, so the extra label adds nothing and is left out.
 */
class CypherShapesTests {

	private static final Pattern CLAUSE_START = Pattern.compile(
			"^(WITH|RETURN|CALL|UNWIND|MATCH|OPTIONAL|UNION|ORDER|LIMIT|SKIP|SET|CREATE|MERGE|DELETE|DETACH|FOREACH|REMOVE|YIELD|FINISH|FILTER|LET|\\})\\b.*");

	private static final Pattern LABELLED_NODE = Pattern.compile("\\((\\w+):\\w");

	private static final Pattern LABEL_DISJUNCTION = Pattern.compile("\\b(\\w+):\\w+(?:\\s+OR\\s+\\1:\\w+)+");

	@Test
	void noStatementCombinesALabelAndAPureLabelDisjunctionOnOneVariable() throws IOException {
		List<String> found = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(Path.of("cypher"))) {
			files = walk.filter((p) -> p.toString().endsWith(".cypher")).sorted().toList();
		}
		assertThat(files).as("the statements were found").hasSizeGreaterThan(50);
		for (Path file : files) {
			violations(Files.readString(file)).forEach((v) -> found.add(file + ": " + v));
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theCheckFlagsTheShapeThatAnsweredWronglyAndNotItsNeighbours() {
		assertThat(violations("""
				CALL () {
				  MATCH (v:Entity)-[r]-(a:Actor)
				  WHERE (v:Instrument OR v:Programme OR v:Project OR v:Cable)
				    AND any(g IN v.access WHERE g IN $grants)
				  RETURN v
				}""")).containsExactly("v: MATCH (v:Entity)-[r]-(a:Actor) / v:Instrument OR v:Programme OR v:Project OR v:Cable");
		// the disjunction in a later clause, over a bound variable
		assertThat(violations("""
				MATCH (n)-[r]-(o:Entity)
				WITH o
				WHERE o:Instrument OR o:Cable
				RETURN o""")).isEmpty();
		// a disjunction with a term that is not a label cannot become a union of label scans
		assertThat(violations("""
				MATCH (a)-[ra]-(v:Entity)-[rb]-(b)
				WHERE (v:Instrument OR v:Cable OR (type(ra) = 'MEMBER_OF' AND type(rb) = 'MEMBER_OF'))
				RETURN v""")).isEmpty();
		// the fixed statement
		assertThat(violations("""
				MATCH (v)-[r]-(a:Actor)
				WHERE (v:Instrument OR v:Programme OR v:Project OR v:Cable)
				RETURN v""")).isEmpty();
	}

	/** Each MATCH clause of the text with a variable both labelled in its pattern and in a pure label disjunction. */
	static List<String> violations(String text) {
		List<String> violations = new ArrayList<>();
		List<String> clause = null;
		List<List<String>> clauses = new ArrayList<>();
		for (String raw : text.split("\n")) {
			int comment = raw.indexOf("//");
			String line = ((comment >= 0) ? raw.substring(0, comment) : raw).strip();
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("MATCH") || line.startsWith("OPTIONAL MATCH")) {
				clause = new ArrayList<>();
				clauses.add(clause);
				clause.add(line);
			}
			else if (CLAUSE_START.matcher(line).matches()) {
				clause = null;
			}
			else if (clause != null) {
				clause.add(line);
			}
		}
		for (List<String> lines : clauses) {
			String joined = String.join(" ", lines);
			Set<String> labelled = new HashSet<>();
			for (String line : lines) {
				if (line.startsWith("WHERE")) {
					break;
				}
				Matcher node = LABELLED_NODE.matcher(line);
				while (node.find()) {
					labelled.add(node.group(1));
				}
			}
			Matcher disjunction = LABEL_DISJUNCTION.matcher(joined);
			while (disjunction.find()) {
				String rest = joined.substring(disjunction.end()).stripLeading();
				boolean pure = !rest.startsWith("OR ");
				if (pure && labelled.contains(disjunction.group(1))) {
					violations.add(disjunction.group(1) + ": " + lines.getFirst() + " / " + disjunction.group());
				}
			}
		}
		return violations;
	}

}
