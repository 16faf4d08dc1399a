package org.partneratlas.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.partneratlas.seed.AtlasApi.Item;
import org.partneratlas.seed.AtlasApi.Tie;
import org.partneratlas.seed.Expectations.Question;
import org.partneratlas.support.AtlasIT;


import static org.assertj.core.api.Assertions.assertThat;
import static org.partneratlas.seed.AtlasApi.both;
import static org.partneratlas.seed.AtlasApi.either;
import static org.partneratlas.seed.AtlasApi.ids;
import static org.partneratlas.seed.AtlasApi.without;

/**
 * The domain questions of {@code seed/expectations.yaml}, each asked through the GraphQL API over HTTP as an anonymous
 * caller and answered by composing API calls with set logic where the API has no single field for it yet. Each test is
 * named by its question; the expected answers come from the expectations, every fact from the API. Questions that
 * need a caller cleared above CLEAR are skipped until authentication lands.
 */
class DomainQuestionsIT extends AtlasIT {

	private static final Expectations expectations = Expectations.load();

	AtlasApi api;

	@TestFactory
	Stream<DynamicTest> answersEveryQuestionOfTheExpectations() {
		this.api = new AtlasApi(this.graphQl);
		Map<String, Supplier<Set<String>>> answers = answers();
		return expectations.questions().stream().map((question) -> DynamicTest.dynamicTest(question.question(), () -> {
			this.api = new AtlasApi(question.askableAnonymously() ? this.graphQl : this.graphQl.as(tokenFor(question)));
			Supplier<Set<String>> answer = answers.get(question.question());
			assertThat(answer).as("an answer for: %s", question.question()).isNotNull();
			assertThat(answer.get()).as("%s (%s)", question.question(), question.note())
				.containsExactlyInAnyOrderElementsOf(question.expect());
		}));
	}

	@Test
	void everyAnswerWrittenHereAnswersAQuestionOfTheExpectations() {
		Set<String> asked = expectations.questions().stream().map(Question::question).collect(Collectors.toSet());
		assertThat(asked).containsAll(answers().keySet());
		assertThat(expectations.questions().stream().filter(Question::askableAnonymously)).hasSizeGreaterThanOrEqualTo(25);
	}

	/** The test API token (src/test/resources/access/tokens.yaml) of a caller cleared as the question needs. */
	private static String tokenFor(Question question) {
		return switch (String.valueOf(question.tlp())) {
			case "GREEN" -> "test-green";
			case "AMBER" -> "test-amber";
			// RED is seen by its named recipients: a member of the CISO Strategic Committee, cleared for the rest
			case "RED" -> "test-csc-cleared";
			default -> throw new IllegalStateException("no test token for TLP:" + question.tlp());
		};
	}

	/** How each question is answered through the API, by its text in the expectations. */
	private Map<String, Supplier<Set<String>>> answers() {
		Map<String, Supplier<Set<String>>> answers = new LinkedHashMap<>();
		// Partner families (004, footnotes 13-18, 24, 25, 31), combined with set logic.
		answers.put("Which partners have both a Digital Partnership and a Security and Defence Partnership with the EU?",
				() -> both(partners("digital-partnership"), partners("security-defence-partnership")));
		answers.put("Which partners have a Digital Partnership but no Cyber Dialogue with the EU?",
				() -> without(partners("digital-partnership"), partners("cyber-dialogue")));
		answers.put("Which partners have both a Trade and Technology Council and a Cyber Dialogue with the EU?",
				() -> both(partners("trade-and-technology-council"), partners("cyber-dialogue")));
		answers.put("Which countries are expected to become associated to Horizon Europe in 2025?",
				() -> ids(this.api.partnerTies("programme-association", "expected")
					.map(Tie::other)
					.filter((party) -> party.type().equals("Country"))));
		answers.put("With which country are Horizon Europe association negotiations progressing?",
				() -> partners("programme-association", "negotiating"));
		answers.put("Which partners have both a Digital Partnership and a Horizon Europe association in progress?",
				() -> both(partners("digital-partnership"), partners("programme-association", "expected", "negotiating")));
		answers.put(
				"Which partners have a Security and Defence Partnership and a concluded Free Trade Agreement with a digital chapter?",
				() -> both(partners("security-defence-partnership"), partners("free-trade-agreement", "concluded")));
		answers.put("Which partners negotiate a Free Trade Agreement with the EU and hold a Cyber Dialogue with it?",
				() -> both(partners("free-trade-agreement", "negotiating"), partners("cyber-dialogue")));
		answers.put("Which digital trade agreement has been signed (7 May 2025)?",
				() -> ids(this.api.items(List.of("INSTRUMENT"), "digital-trade-agreement", "signed")
					.stream()
					.filter((agreement) -> "2025-05-07".equals(agreement.start()))));
		answers.put("Which digital trade agreement's negotiations were concluded in March 2025?",
				() -> ids(this.api.items(List.of("INSTRUMENT"), "digital-trade-agreement", "concluded")
					.stream()
					.filter((agreement) -> "2025-03".equals(agreement.start()))));
		answers.put("Which Digital Dialogue partner is a region rather than a country?",
				() -> ids(this.api.partnerTies("digital-dialogue").map(Tie::other).filter(is("Region"))));
		answers.put("Which candidate countries have a Security and Defence Partnership with the EU?",
				() -> both(partners("security-defence-partnership"), candidates()));
		answers.put("Which candidate country holds a Cyber Dialogue with the EU?",
				() -> both(partners("cyber-dialogue"), candidates()));
		answers.put("Which instruments tie the EU to Moldova?",
				() -> ids(this.api.through(AtlasApi.EU, "country:MD").stream().filter(is("Instrument"))));
		answers.put("Which instruments tie the EU to Japan?",
				() -> ids(this.api.through(AtlasApi.EU, "country:JP").stream().filter(is("Instrument"))));
		// Connectivity (004, Secure and trusted digital infrastructure).
		answers.put("Which cable ties the EU to India (lands in India)?",
				() -> this.api.others("country:IN", "IN", "LANDS_IN", is("Cable")));
		answers.put("Where does Blue-Raman land?", () -> this.api.others("cable:blue-raman", "OUT", "LANDS_IN"));
		answers.put("Which cables land in Latin America and the Caribbean?",
				() -> this.api.others("region:latin-america-caribbean", "IN", "LANDS_IN"));
		answers.put("Which cables and routes run under Global Gateway?",
				() -> this.api.others("programme:global-gateway", "IN", "UNDER", is("Cable")));
		answers.put("Who supports (FUNDS) the MEDUSA submarine cable?",
				() -> this.api.others("cable:medusa", "IN", "FUNDS"));
		answers.put("Which EU body is EIB Global part of?",
				() -> this.api.others("agency:eib-global", "OUT", "PART_OF"));
		answers.put("Under which programme will the Arctic submarine cable routes be supported?",
				() -> this.api.others("cable:arctic-submarine-routes", "OUT", "UNDER", is("Programme")));
		answers.put("Which countries are involved in expanding the Copernicus mirror site in ASEAN?",
				() -> this.api.others("project:copernicus-mirror-sites-asean-expansion", "IN", "PARTICIPATES_IN",
						is("Country")));
		// Global Gateway, Digital Economy Packages, hubs, Team Europe (004, footnotes 26-35).
		answers.put("Which countries have a Digital Economy Package with the EU?", this::digitalEconomyPackageCountries);
		answers.put("Which countries host an Informal Digital Hub and also have a Digital Economy Package?",
				() -> both(participants("hub", "host"), digitalEconomyPackageCountries()));
		answers.put("Which projects, instruments and cables run directly UNDER Global Gateway?",
				() -> this.api.others("programme:global-gateway", "IN", "UNDER"));
		answers.put("Which Team Europe initiatives does the strategy name?",
				() -> ids(this.api.items(List.of("PROJECT"), "team-europe-initiative", null)));
		answers.put("Which regions benefit from EU4Digital?",
				() -> this.api.others("project:eu4digital", "IN", "PARTICIPATES_IN", is("Region")));
		answers.put("Which regions are D4D Hub partners?",
				() -> ids(this.api.ties("project:d4d-hub", "IN", "PARTICIPATES_IN")
					.filter((tie) -> "partner".equals(tie.role()))
					.map(Tie::other)
					.filter(is("Region"))));
		// Emerging technologies and digital identity (004): the instrument the question names, its parties.
		answers.put("With which countries will the EU implement joint research and innovation projects in quantum technologies?",
				() -> ids(this.api.partiesOf("instrument:quantum-joint-research-jp-kr-ca").map(Tie::other)));
		answers.put("Which programme runs under the EU-India Trade and Technology Council?",
				() -> this.api.others("instrument:eu-in-ttc", "IN", "UNDER"));
		answers.put("Which trusted partners are named for synergies with the Hub for European Defence Innovation (HEDI)?",
				() -> ids(this.api.ties("project:hedi", "IN", "UNDER")
					.flatMap((instrument) -> this.api.partiesOf(instrument.otherId()))
					.map(Tie::other)));
		answers.put("With which partners does the EU promote its eInvoicing model?",
				() -> ids(this.api.partiesOf("instrument:einvoicing-cooperation").map(Tie::other)));
		answers.put("With which countries will the EU cooperate on e-signatures and DPI interoperability?",
				() -> ids(this.api.partiesOf("instrument:esignatures-dpi-interoperability").map(Tie::other)));
		answers.put("Which partners is the EU preparing for integration with the EU Digital Identity Wallet?",
				() -> ids(this.api.partiesOf("instrument:eudi-wallet-integration-ua-md-wb").map(Tie::other)));
		answers.put("Which partners cooperate with the EU on cross-border usage of trust services?",
				() -> ids(this.api.partiesOf("instrument:trust-services-cross-border").map(Tie::other)));
		// Global digital governance (004).
		answers.put("Which multilateral fora and bodies does the EU cooperate with in the strategy?",
				() -> either(this.api.others(AtlasApi.EU, "OUT", "COOPERATES_WITH", kind("multilateral")),
						this.api.others(AtlasApi.EU, "IN", "COOPERATES_WITH", kind("multilateral"))));
		answers.put("Which parties does the Global Digital Compact have in the graph?",
				() -> this.api.others("instrument:global-digital-compact", "IN", "PARTY_TO"));
		// ECSO (001) and the EU institutions.
		answers.put("Which EU agencies and bodies (label Agency) does ECSO cooperate with?",
				() -> ecsoCooperatesWith(is("Agency")));
		answers.put(
				"Which Commission services (PART_OF institution:european-commission, label Institution) does ECSO collaborate with?",
				() -> both(this.api.others("institution:european-commission", "IN", "PART_OF", is("Institution")),
						ecsoCooperatesWith((other) -> true)));
		answers.put("To which Council body does ECSO regularly report?",
				() -> both(this.api.others("institution:council-of-the-eu", "IN", "PART_OF"),
						ecsoCooperatesWith((other) -> true)));
		answers.put("Which standards bodies does ECSO cooperate with?",
				() -> ecsoCooperatesWith(kind("standards-body")));
		answers.put("Which EU-related bodies are PART_OF the European Commission?",
				() -> this.api.others("institution:european-commission", "IN", "PART_OF"));
		// COcyber (003).
		answers.put("Who leads the COcyber needs assessment?", () -> leads("project:cocyber-needs-assessment"));
		answers.put("Who leads COcyber?", () -> leads("project:cocyber"));
		answers.put("Who took part in the COcyber needs assessment (lead and consulted stakeholders)?",
				() -> this.api.others("project:cocyber-needs-assessment", "IN", "PARTICIPATES_IN"));
		answers.put("Which stakeholders did the COcyber needs assessment consult?",
				() -> ids(this.api.ties("project:cocyber-needs-assessment", "IN", "PARTICIPATES_IN")
					.filter((tie) -> "consulted".equals(tie.role()))
					.map(Tie::other)));
		// Sectors and confidentiality (001-003): what an anonymous caller sees.
		answers.put("Which actors are marked as defence sector?",
				() -> ids(this.api.actors(null, null, "defence", null)));
		answers.put("Which actors does an anonymous CLEAR-only caller see marked as civilian sector?",
				() -> ids(this.api.actors(null, null, "civilian", null)));
		answers.put("Which Community nodes does an anonymous CLEAR-only caller see?",
				() -> ids(this.api.actors(List.of("COMMUNITY"), null, null, null)));
		answers.put("Which CREIS CISO tiers does an anonymous CLEAR-only caller see?",
				() -> this.api.others("community:creis", "IN", "PART_OF", is("Community")));
		// Confidentiality (002): what callers cleared for GREEN, AMBER and RED (a CSC member) see, with API tokens.
		for (String level : List.of("a GREEN", "an AMBER", "a RED")) {
			answers.put("Which CREIS CISO tiers does " + level + " caller see?",
					() -> this.api.others("community:creis", "IN", "PART_OF", is("Community")));
		}
		answers.put("Which CISO tier cooperates with the EU network of CSIRTs (visible to RED only)?",
				() -> this.api.others("org:eu-csirts-network", "IN", "COOPERATES_WITH", is("Community")));
		answers.put("Which bodies does the CISOs European Community link with (AMBER)?",
				() -> this.api.others("community:creis-cec", "OUT", "COOPERATES_WITH"));
		answers.put("Is there a country:XK (Kosovo) record? (No document names Kosovo.)", () -> {
			Item kosovo = this.api.node("country:XK");
			return (kosovo != null) ? Set.of(kosovo.id()) : Set.of();
		});
		return answers;
	}

	private Set<String> partners(String kind, String... statuses) {
		return this.api.partners(kind, statuses);
	}

	/** Non-EU participants in the projects of a kind, in a role. */
	private Set<String> participants(String kind, String role) {
		return ids(this.api.items(List.of("PROJECT"), kind, null)
			.stream()
			.flatMap((project) -> this.api.ties(project.id(), "IN", "PARTICIPATES_IN"))
			.filter((tie) -> role.equals(tie.role()) && !tie.otherId().equals(AtlasApi.EU))
			.map(Tie::other));
	}

	private Set<String> leads(String project) {
		return ids(this.api.ties(project, "IN", "PARTICIPATES_IN")
			.filter((tie) -> "lead".equals(tie.role()))
			.map(Tie::other));
	}

	private Set<String> digitalEconomyPackageCountries() {
		return ids(this.api.items(List.of("PROJECT"), "package", null)
			.stream()
			.flatMap((project) -> this.api.ties(project.id(), "IN", "PARTICIPATES_IN"))
			.map(Tie::other)
			.filter(is("Country")));
	}

	private Set<String> candidates() {
		return ids(this.api.actors(List.of("COUNTRY"), null, null, "candidate"));
	}

	private Set<String> ecsoCooperatesWith(Predicate<Item> other) {
		return either(this.api.others("org:ecso", "OUT", "COOPERATES_WITH", other),
				this.api.others("org:ecso", "IN", "COOPERATES_WITH", other));
	}

	private static Predicate<Item> is(String type) {
		return (item) -> type.equals(item.type());
	}

	private static Predicate<Item> kind(String kind) {
		return (item) -> kind.equals(item.kind());
	}

}
