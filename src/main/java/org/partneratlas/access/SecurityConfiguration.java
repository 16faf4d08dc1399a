package org.partneratlas.access;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who is calling. Every endpoint is open to anonymous callers (who see CLEAR data only); a request that presents a
 * bearer token must present a good one: an unknown, revoked, expired, forged or wrong-audience token gets 401, never
 * anonymous access. Two modes: API tokens from configuration ({@code atlas.access.mode=tokens}, the default) and JWTs
 * from an identity provider ({@code oidc}: signature, issuer, audience and expiry checked). Credentials must be
 * unambiguous: two {@code Authorization} headers, or one that is not {@code Bearer <token>}, get 401. Operational
 * endpoints other than health (and, where introspection is for admins, the printed schema) are for admins only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AccessProperties.class, CrossOrigin.class })
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, AccessProperties access, CrossOrigin crossOrigin, ScrapePort scrapePort,
			io.micrometer.core.instrument.MeterRegistry meters) throws Exception {
		boolean schemaForAdminsOnly = "admins".equals(access.introspection());
		AuthorizationManager<RequestAuthorizationContext> admins = (authentication,
				context) -> new AuthorizationDecision(Caller.of(authentication.get()).role() == Role.ADMIN);
		http.authorizeHttpRequests((requests) -> {
			// Liveness and readiness stay open (no details: management.endpoint.health.show-details=never);
			// every other operational endpoint (metrics, prometheus, info...) is for admins only, except the
			// Prometheus scrape on the private management port (management.server.port, loopback by default).
			requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
			requests.requestMatchers((request) -> scrapePort.is(request.getLocalPort())
					&& "/actuator/prometheus".equals(request.getRequestURI())).permitAll();
			requests.requestMatchers("/actuator", "/actuator/**").access(admins);
			if (schemaForAdminsOnly) {
				// The printed schema is introspection by another door: admins only where introspection is.
				requests.requestMatchers("/graphql/schema", "/graphql/schema.*", "/graphql/schema/**").access(admins);
			}
			requests.anyRequest().permitAll();
		})
			// Two Authorization headers, or one that is not a single bearer token, are ambiguous: 401, never read.
			.addFilterBefore(new OneCredential(meters), BearerTokenAuthenticationFilter.class)
			// bearer tokens in a header, no cookies: nothing for a cross-site request to ride on
			.csrf((csrf) -> csrf.disable())
			// Cross-origin callers (atlas.cors.*): the CORS filter comes first in the chain, so a preflight is answered
			// (or refused, for an origin not listed) before any credential is looked at or any other filter counts it.
			.cors((cors) -> cors.configurationSource(crossOrigin.source()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.anonymous((anonymous) -> anonymous.principal("anonymous"));
		if ("oidc".equals(access.mode())) {
			http.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(jwtDecoder(access.oidc()))));
		}
		else {
			ConfiguredTokens tokens = new ConfiguredTokens(access.tokens(), access.tokensFile());
			http.oauth2ResourceServer((server) -> server.opaqueToken((opaque) -> opaque.introspector(tokens)));
		}
		return http.build();
	}

	@Bean
	ScrapePort scrapePort() {
		return new ScrapePort();
	}

	/** The port of the separate management server, once it listens (none when the actuator shares the API port). */
	static final class ScrapePort implements ApplicationListener<WebServerInitializedEvent> {

		private volatile int port = -1;

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			if ("management".equals(event.getApplicationContext().getServerNamespace())) {
				this.port = event.getWebServer().getPort();
			}
		}

		boolean is(int localPort) {
			return this.port > 0 && localPort == this.port;
		}

	}

	static JwtDecoder jwtDecoder(AccessProperties.Oidc oidc) {
		if (oidc == null || oidc.issuer() == null || oidc.audience() == null) {
			throw new IllegalStateException(
					"atlas.access.mode=oidc needs atlas.access.oidc.issuer and atlas.access.oidc.audience");
		}
		NimbusJwtDecoder decoder = (oidc.publicKey() != null)
				? NimbusJwtDecoder.withPublicKey(rsaPublicKey(oidc.publicKey())).build()
				: (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(oidc.issuer());
		OAuth2TokenValidator<Jwt> audience = (jwt) -> (jwt.getAudience() != null
				&& jwt.getAudience().contains(oidc.audience())) ? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult
							.failure(new OAuth2Error("invalid_token", "the token is not for this audience", null));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				List.of(JwtValidators.createDefaultWithIssuer(oidc.issuer()), audience)));
		return decoder;
	}

	static RSAPublicKey rsaPublicKey(String pem) {
		try {
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (java.security.GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("atlas.access.oidc.public-key is not a PEM RSA public key", ex);
		}
	}

}
