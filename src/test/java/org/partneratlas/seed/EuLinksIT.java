package org.partneratlas.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What ties the EU to that partner?" answers every cable, project and instrument a source document says ties the EU
 * (or Europe) to a partner: {@code seed/eu-links.yaml}, written from the documents, each asked as a user asks it
 * ({@code connections(a: union:eu, b: <partner>)}) through the GraphQL API. Every curated cable must be on that list,
 * so a new cable cannot be left without its European end unnoticed.
 */
class EuLinksIT extends AtlasIT {

	private static final List<Map<String, Object>> LINKS = load();

	@TestFactory
	Stream<DynamicTest> everyLinkTheDocumentsGiveConnectsTheEuSide() {
		AtlasApi api = new AtlasApi(this.graphQl);
		return LINKS.stream().flatMap((link) -> partners(link).stream().map((partner) -> {
			String via = (String) link.get("via");
			String eu = (String) link.getOrDefault("eu", AtlasApi.EU);
			return DynamicTest.dynamicTest(eu + " to " + partner + " through " + via, () -> assertThat(
					api.through(eu, partner).stream().map(AtlasApi.Item::id).toList())
				.as("connections(%s, %s): %s", eu, partner, link.get("source"))
				.contains(via));
		}));
	}

	@Test
	void everyCuratedCableIsOnTheList() {
		AtlasApi api = new AtlasApi(this.graphQl);
		Set<String> listed = LINKS.stream().map((l) -> (String) l.get("via")).collect(Collectors.toSet());
		Set<String> cables = api.items(List.of("CABLE"), null, null)
			.stream()
			.map(AtlasApi.Item::id)
			.collect(Collectors.toSet());
		assertThat(cables).isNotEmpty();
		assertThat(listed).containsAll(cables);
	}

	@SuppressWarnings("unchecked")
	private static List<String> partners(Map<String, Object> link) {
		return (List<String>) link.get("partners");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> load() {
		try (InputStream in = EuLinksIT.class.getResourceAsStream("/seed/eu-links.yaml")) {
			Map<String, Object> yaml = new Yaml().load(in);
			return (List<Map<String, Object>>) yaml.get("links");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
