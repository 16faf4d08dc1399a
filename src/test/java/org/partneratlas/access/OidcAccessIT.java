package org.partneratlas.access;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.partneratlas.support.GraphQl;
import org.partneratlas.support.TestNeo4j;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OIDC mode: JWTs from an identity provider (here a key pair made for the test), with signature, issuer, audience and
 * expiry checked, and claims mapped to role, clearance, organisation and recipients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcAccessIT {

	static final String ISSUER = "https://idp.partner-atlas.test";

	static final String AUDIENCE = "partner-atlas";

	static final KeyPair KEYS = keyPair();

	static final KeyPair FORGER = keyPair();

	static final String TIERS = "{ nodes(ids: [\"community:creis-cov\", \"community:creis-cec\", \"community:creis-csc\"]) { id } }";

	@LocalServerPort
	int port;

	GraphQl graphQl;

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		// The graph the writing tests use: this test writes too (as an editor from a JWT).
		registry.add("spring.neo4j.uri", TestNeo4j::editsBoltUri);
		registry.add("spring.neo4j.authentication.password", () -> "");
		registry.add("atlas.access.mode", () -> "oidc");
		registry.add("atlas.access.oidc.issuer", () -> ISSUER);
		registry.add("atlas.access.oidc.audience", () -> AUDIENCE);
		registry.add("atlas.access.oidc.public-key",
				() -> Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
	}

	@BeforeEach
	void client() {
		this.graphQl = new GraphQl(this.port);
	}

	static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String jwt(KeyPair keys, String issuer, String audience, Instant expires, Map<String, Object> claims)
			throws Exception {
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject("someone")
			.issuer(issuer)
			.audience(audience)
			.issueTime(new Date())
			.expirationTime(Date.from(expires));
		claims.forEach(set::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
		jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		return jwt.serialize();
	}

	List<String> tiers(String token) {
		return this.graphQl.as(token).post(TIERS).read("$.data.nodes[*].id", List.class);
	}

	int status(String token) {
		return this.graphQl.as(token).raw(TIERS).statusCode();
	}

	@Test
	void mapsClaimsToClearanceAndRecipients() throws Exception {
		Instant later = Instant.now().plusSeconds(600);
		assertThat(tiers(jwt(KEYS, ISSUER, AUDIENCE, later, Map.of("clearance", "AMBER"))))
			.containsExactly("community:creis-cov", "community:creis-cec");
		assertThat(tiers(jwt(KEYS, ISSUER, AUDIENCE, later,
				Map.of("clearance", "RED", "recipients", List.of("community:creis-csc")))))
			.containsExactly("community:creis-cov", "community:creis-cec", "community:creis-csc");
	}

	@Test
	void theRoleClaimDecidesWhoWritesAndTheSubjectIsWhoTheAuditNames() throws Exception {
		Instant later = Instant.now().plusSeconds(600);
		Map<String, Object> input = Map.of("label", "ORGANISATION", "name", "OIDC Written " + later.toEpochMilli(),
				"kind", "association", "tlp", "RED", "recipients", List.of("group:oidc-writers"), "sources",
				List.of(Map.of("sourceId", "source:004", "locator", "Emerging technologies")));
		String create = "mutation ($input: CreateNodeInput!) { createNode(input: $input) { node { id } } }";
		Map<String, Object> claims = Map.of("clearance", "RED", "recipients", List.of("group:oidc-writers"));
		var viewer = new java.util.HashMap<>(claims);
		viewer.put("role", "analyst");
		assertThat(this.graphQl.as(jwt(KEYS, ISSUER, AUDIENCE, later, viewer)).post(create, "input", input)
			.read("$.errors[0].extensions.classification", String.class)).isEqualTo("FORBIDDEN");
		var editor = new java.util.HashMap<>(claims);
		editor.put("role", "editor");
		String token = jwt(KEYS, ISSUER, AUDIENCE, later, editor);
		String id = this.graphQl.as(token).post(create, "input", input).read("$.data.createNode.node.id");
		assertThat(this.graphQl.as(token).post("query ($id: ID!) { history(id: $id) { by role action } }", "id", id)
			.read("$.data.history[0]", Map.class)).isEqualTo(Map.of("by", "someone", "role", "editor", "action", "CREATED"));
	}

	@Test
	void aMissingClearanceClaimMeansClearNeverOpen() throws Exception {
		assertThat(tiers(jwt(KEYS, ISSUER, AUDIENCE, Instant.now().plusSeconds(600), Map.of("role", "admin"))))
			.isEmpty();
	}

	@Test
	void refusesExpiredForeignForgedAndMisaddressedTokens() throws Exception {
		Instant later = Instant.now().plusSeconds(600);
		Map<String, Object> amber = Map.of("clearance", "AMBER");
		assertThat(status(jwt(KEYS, ISSUER, AUDIENCE, Instant.now().minusSeconds(600), amber))).isEqualTo(401);
		assertThat(status(jwt(KEYS, "https://elsewhere.test", AUDIENCE, later, amber))).isEqualTo(401);
		assertThat(status(jwt(KEYS, ISSUER, "another-service", later, amber))).isEqualTo(401);
		assertThat(status(jwt(FORGER, ISSUER, AUDIENCE, later, amber))).isEqualTo(401);
		assertThat(status("not.a.jwt")).isEqualTo(401);
		assertThat(status(jwt(KEYS, ISSUER, AUDIENCE, later, amber))).isEqualTo(200);
	}

}
