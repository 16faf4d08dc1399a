package org.partneratlas.explorer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page's start-up configuration: how callers sign in. In {@code tokens} mode the page asks for an API token; in
 * {@code oidc} mode it runs the authorization-code flow with PKCE against the issuer, as the public client
 * {@code atlas.explorer.oidc-client-id}. Nothing here is secret: it is what the page would show anyway.
 */
@RestController
class ExplorerController {

	private final String mode;

	private final @Nullable String issuer;

	private final ExplorerProperties explorer;

	ExplorerController(@Value("${atlas.access.mode:tokens}") String mode,
			@Value("${atlas.access.oidc.issuer:#{null}}") @Nullable String issuer, ExplorerProperties explorer) {
		this.mode = mode;
		this.issuer = issuer;
		this.explorer = explorer;
	}

	@GetMapping(path = "/explorer/config.json", produces = "application/json")
	ResponseEntity<Map<String, Object>> config() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("mode", this.mode);
		if ("oidc".equals(this.mode)) {
			Map<String, Object> oidc = new LinkedHashMap<>();
			oidc.put("issuer", this.issuer);
			oidc.put("clientId", this.explorer.oidcClientId());
			oidc.put("scope", this.explorer.oidcScope());
			config.put("oidc", oidc);
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
	}

}
