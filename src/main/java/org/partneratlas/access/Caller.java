package org.partneratlas.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partneratlas.graph.Tlp;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.partneratlas.graph.Visibility;

/**
 * An authenticated caller: who, in which role, cleared for what, of which organisation, and which RED recipient lists
 * they are on.
 *
 * @param name who (the token's name, or the JWT subject)
 * @param role what they may do
 * @param clearance the highest marking their role lets them see
 * @param organisation their organisation, if any
 * @param recipients the recipient ids and groups they belong to
 */
record Caller(String name, Role role, Tlp clearance, String organisation, Set<String> recipients) {

	Visibility visibility() {
		return new Visibility(this.clearance, this.organisation, this.recipients);
	}

	/** The caller an authentication stands for; anonymous when none (or an anonymous one) is given. */
	static Caller of(@org.jspecify.annotations.Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return of(jwt.getSubject(), jwt.getClaims());
		}
		if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal p) {
			return of(p.getName(), p.getAttributes());
		}
		return of("anonymous", Map.of());
	}

	/**
	 * Reads a caller from claims or token attributes: {@code role}, {@code clearance} (a TLP marking; missing or
	 * unknown means CLEAR, never open), {@code org}, {@code recipients} (a list or a space-separated text).
	 */
	static Caller of(String name, Map<String, Object> claims) {
		Object role = claims.get("role");
		Object clearance = claims.get("clearance");
		Object organisation = claims.get("org");
		return new Caller(name, (role != null) ? Role.of(role.toString()) : Role.VIEWER,
				(clearance != null) ? Tlp.ofMarking(clearance.toString().strip()).orElse(Tlp.CLEAR) : Tlp.CLEAR,
				(organisation != null) ? organisation.toString() : null, texts(claims.get("recipients")));
	}

	private static Set<String> texts(Object value) {
		Set<String> texts = new LinkedHashSet<>();
		if (value instanceof Collection<?> c) {
			c.forEach((v) -> texts.add(String.valueOf(v)));
		}
		else if (value instanceof String s && !s.isBlank()) {
			texts.addAll(List.of(s.strip().split("\\s+")));
		}
		return texts;
	}

}
