package org.partneratlas.access;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers authenticate ({@code atlas.access.*}).
 *
 * @param mode {@code tokens} (API tokens from configuration, the single-process default) or {@code oidc} (JWTs from
 * an identity provider)
 * @param tokens API tokens given inline
 * @param tokensFile a YAML file of API tokens ({@code tokens: [...]}), re-read whenever it changes: removing a token
 * there revokes it without a restart
 * @param oidc the identity provider, in {@code oidc} mode
 * @param introspection who may ask for the schema: {@code everyone}, or {@code admins} (the {@code prod} profile)
 */
@ConfigurationProperties("atlas.access")
record AccessProperties(@DefaultValue("tokens") String mode, List<Token> tokens, Path tokensFile, Oidc oidc,
		@DefaultValue("everyone") String introspection) {

	/**
	 * An API token, stored as the SHA-256 of its secret.
	 *
	 * @param name who holds it
	 * @param sha256 the hex SHA-256 of the secret
	 * @param role viewer, analyst, editor or admin
	 * @param clearance the highest TLP marking it may see (CLEAR when absent)
	 * @param org the holder's organisation
	 * @param recipients the RED recipient ids and groups the holder belongs to
	 */
	record Token(String name, String sha256, String role, String clearance, String org, List<String> recipients) {
	}

	/**
	 * @param issuer the expected issuer ({@code iss})
	 * @param audience the expected audience ({@code aud})
	 * @param publicKey a PEM RSA public key to verify signatures with (instead of the issuer's published keys)
	 */
	record Oidc(String issuer, String audience, String publicKey) {
	}

}
