package org.partneratlas.explorer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the Explorer page needs to sign in with an identity provider ({@code atlas.explorer.*}); the issuer itself is
 * the API's ({@code atlas.access.oidc.issuer}), so the page and the API cannot disagree on it.
 *
 * @param oidcClientId the page's public client id at the identity provider (authorization code with PKCE, no secret)
 * @param oidcScope the scopes the page asks for
 */
@ConfigurationProperties("atlas.explorer")
record ExplorerProperties(@Nullable String oidcClientId, @DefaultValue("openid") String oidcScope) {
}
