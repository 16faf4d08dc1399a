package org.partneratlas.access;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who is calling. Every endpoint is open to anonymous callers (who see CLEAR data only); a request that presents a
 * bearer token must present a good one: an unknown, revoked, expired, forged or wrong-audience token gets 401, never
 * anonymous access. Two modes: API tokens from configuration ({@code atlas.access.mode=tokens}, the default) and JWTs
 * from an identity provider ({@code oidc}: signature, issuer, audience and expiry checked).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, AccessProperties access) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// bearer tokens in a header, no cookies: nothing for a cross-site request to ride on
			.csrf((csrf) -> csrf.disable())
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
