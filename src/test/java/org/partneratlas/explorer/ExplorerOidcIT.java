package org.partneratlas.explorer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.partneratlas.support.TestNeo4j;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through an identity provider: the page runs the authorization-code flow with PKCE (S256) against a small
 * identity provider made for the test, which refuses a token request whose verifier does not match the challenge;
 * the page then asks with the access token it got, and neither code nor token stays in the URL.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerOidcIT {

	static final String AUDIENCE = "partner-atlas";

	static final String CLIENT = "explorer";

	static final KeyPair KEYS = keyPair();

	static final Map<String, String> challenges = new ConcurrentHashMap<>();

	static final HttpServer idp = identityProvider();

	static final String ISSUER = "http://127.0.0.1:" + idp.getAddress().getPort();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", TestNeo4j::editsBoltUri);
		registry.add("spring.neo4j.authentication.password", () -> "");
		registry.add("atlas.access.mode", () -> "oidc");
		registry.add("atlas.access.oidc.issuer", () -> ISSUER);
		registry.add("atlas.access.oidc.audience", () -> AUDIENCE);
		registry.add("atlas.access.oidc.public-key",
				() -> Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
		registry.add("atlas.explorer.oidc-client-id", () -> CLIENT);
	}

	@AfterAll
	static void stop() {
		idp.stop(0);
	}

	@Test
	void signsInWithTheAuthorizationCodeAndPkceAndAsksWithTheAccessToken() {
		ExplorerPage page = new ExplorerPage(this.port);
		page.open("steps=" + ExplorerPage.enc("[{\"op\":\"add\",\"id\":\"org:ecso\"}]"));
		assertThat(page.id("clearance").getText()).isEqualTo("Cleared for TLP:CLEAR");
		page.id("sign-in").click();
		page.wait.until(ExpectedConditions.textToBe(org.openqa.selenium.By.id("clearance"), "Cleared for TLP:AMBER"));
		page.waitReady();
		assertThat(page.id("who-name").getText()).isEqualTo("oidc-analyst (analyst)");
		String url = page.driver.getCurrentUrl();
		assertThat(url).doesNotContain("code=").doesNotContain("state=").contains("org%3Aecso");
		assertThat((String) page.state().get("token")).startsWith("eyJ");
		assertThat(url).doesNotContain((String) page.state().get("token"));
		assertThat(page.canvasNodeIds()).containsExactly("org:ecso");
		String csp = new org.partneratlas.support.GraphQl(this.port).get("/").headers()
			.firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("connect-src 'self' " + ISSUER);
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

	/** Discovery, an authorization endpoint that answers at once, and a token endpoint that checks PKCE. */
	static HttpServer identityProvider() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			server.createContext("/.well-known/openid-configuration", (x) -> answer(x, 200, "{\"issuer\":\"" + base
					+ "\",\"authorization_endpoint\":\"" + base + "/authorize\",\"token_endpoint\":\"" + base + "/token\"}"));
			server.createContext("/authorize", (x) -> {
				Map<String, String> q = form(x.getRequestURI().getRawQuery());
				if (!CLIENT.equals(q.get("client_id")) || !"S256".equals(q.get("code_challenge_method"))
						|| !"code".equals(q.get("response_type"))) {
					answer(x, 400, "{\"error\":\"invalid_request\"}");
					return;
				}
				String code = java.util.UUID.randomUUID().toString();
				challenges.put(code, q.get("code_challenge") + " " + q.get("redirect_uri"));
				x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
						+ java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
				x.sendResponseHeaders(302, -1);
				x.close();
			});
			server.createContext("/token", (x) -> {
				Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				String expected = challenges.remove(f.getOrDefault("code", ""));
				String verifier = f.getOrDefault("code_verifier", "");
				if (expected == null || !expected.equals(s256(verifier) + " " + f.get("redirect_uri"))
						|| !CLIENT.equals(f.get("client_id"))) {
					answer(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
					return;
				}
				answer(x, 200, "{\"access_token\":\"" + jwt() + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String jwt() {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("oidc-analyst")
				.issuer(ISSUER)
				.audience(AUDIENCE)
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(600)))
				.claim("role", "analyst")
				.claim("clearance", "AMBER")
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
			return jwt.serialize();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> form(String raw) {
		Map<String, String> values = new HashMap<>();
		if (raw == null) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	static void answer(HttpExchange x, int status, String json) throws IOException {
		x.getResponseHeaders().add("Content-Type", "application/json");
		x.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		x.sendResponseHeaders(status, body.length);
		x.getResponseBody().write(body);
		x.close();
	}

}
