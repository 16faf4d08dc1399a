package org.partneratlas.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SeedValidatorTests {

	@Test
	void reportsEveryProblemWithFileLineAndReason() {
		SeedRejectedException rejected = catchThrowableOfType(SeedRejectedException.class,
				() -> SeedLoader.read("classpath:seed-broken/"));
		List<String> problems = rejected.problems().stream().map(SeedProblem::toString).toList();
		assertThat(problems).containsExactlyInAnyOrder(
				"broken.yaml:13: duplicate id instrument:eu-in-ttc (first defined at broken.yaml:8)",
				"broken.yaml:21: unknown kind 'friendship' for Instrument (expected one of "
						+ "[administrative-arrangement, alliance, comprehensive-strategic-partnership, cooperation-line, "
						+ "cyber-dialogue, data-flow-rules, dcfta, dialogue, digital-dialogue, digital-partnership, "
						+ "digital-trade-agreement, facility, free-trade-agreement, norm, pact, programme-association, "
						+ "security-defence-partnership, stabilisation-association-agreement, strategic-partnership, "
						+ "toolbox, trade-and-technology-council])",
				"broken.yaml:24: unknown label 'Gadget' (expected one of [Union, Country, Region, Institution, Agency, "
						+ "Organisation, Community] or Instrument, Programme, Project, Cable, Topic; sources belong in "
						+ "sources.yaml)",
				"broken.yaml:27: no sources: every record cites '<source id>: <locator>'",
				"broken.yaml:35: bad date '2025-02-30' in 'start' (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)",
				"broken.yaml:41: unknown TLP marking 'PURPLE' (expected CLEAR, GREEN, AMBER, AMBER+STRICT or RED)",
				"broken.yaml:47: citation '999: page 1' names source '999', which sources.yaml does not define",
				"broken.yaml:52: unknown key 'stauts' (allowed: [acronym, aliases, confidence, corridor, description, "
						+ "end, euStatus, id, iso3, kind, label, lengthKm, name, owner, recipients, seat, sector, sources, "
						+ "start, status, tlp, url])",
				"broken.yaml:62: 'to' refers to instrument:eu-missing, which no seed file defines",
				"broken.yaml:65: LANDS_IN cannot go from Instrument to Country (it goes from [Cable] to [Country, Region, Union])",
				"sub/no-tlp.yaml:3: no TLP marking: set 'tlp' on the record or a default 'tlp' for the file",
				"sub/markings.yaml:4: RED needs 'recipients': the people or groups it is shared with, by id",
				"sub/markings.yaml:11: AMBER+STRICT needs an 'owner': the organisation whose members may see it",
				"sub/not-yaml.yaml:4: not valid YAML: expected ',' or ']', but got <stream end>");
		assertThat(rejected.getMessage()).startsWith("14 problem(s) in the seed data; nothing was written:");
	}

	@Test
	void acceptsTheCuratedGraph() {
		CuratedGraph graph = SeedLoader.read("classpath*:seed-data/");
		assertThat(graph.nodes()).hasSizeGreaterThan(250 + 60);
		assertThat(graph.ties()).hasSizeGreaterThan(60);
		assertThat(graph.nodes()).allSatisfy((row) -> assertThat(row).containsKeys("id", "labels", "props"));
	}

	@Test
	void rejectsALocationWithNothingReadable() {
		assertThatThrownBy(() -> SeedLoader.read("classpath:no-such-folder/")).isInstanceOf(RuntimeException.class);
	}

}
