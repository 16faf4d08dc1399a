package org.partneratlas.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * API tokens from configuration, as Spring Security's opaque-token introspector: the presented secret is hashed
 * (SHA-256) and compared with every configured hash in constant time; an unknown token is refused (401), never
 * treated as anonymous. The tokens file is re-read when it changes, so removing a line revokes a token at once.
 */
final class ConfiguredTokens implements OpaqueTokenIntrospector {

	private final List<AccessProperties.Token> inline;

	private final Path file;

	private FileTime loadedAt;

	private List<AccessProperties.Token> fromFile = List.of();

	ConfiguredTokens(List<AccessProperties.Token> inline, Path file) {
		this.inline = (inline != null) ? inline : List.of();
		this.file = file;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String secret) {
		byte[] presented = sha256(secret);
		AccessProperties.Token match = null;
		for (AccessProperties.Token token : tokens()) {
			byte[] expected = HexFormat.of().parseHex(token.sha256().strip().toLowerCase());
			// compare against every token, so timing says nothing about which one (or whether one) matched
			if (MessageDigest.isEqual(presented, expected) && match == null) {
				match = token;
			}
		}
		if (match == null) {
			throw new BadOpaqueTokenException("unknown or revoked API token");
		}
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("sub", match.name());
		putIfPresent(attributes, "role", match.role());
		putIfPresent(attributes, "clearance", match.clearance());
		putIfPresent(attributes, "org", match.org());
		attributes.put("recipients", (match.recipients() != null) ? match.recipients() : List.of());
		Caller caller = Caller.of(match.name(), attributes);
		return new DefaultOAuth2AuthenticatedPrincipal(match.name(), attributes,
				List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
	}

	private synchronized List<AccessProperties.Token> tokens() {
		List<AccessProperties.Token> all = new ArrayList<>(this.inline);
		if (this.file != null) {
			try {
				FileTime modified = Files.getLastModifiedTime(this.file);
				if (!modified.equals(this.loadedAt)) {
					this.fromFile = read(this.file);
					this.loadedAt = modified;
				}
			}
			catch (IOException ex) {
				// a missing or unreadable file grants nothing
				this.fromFile = List.of();
				this.loadedAt = null;
			}
			all.addAll(this.fromFile);
		}
		return all;
	}

	@SuppressWarnings("unchecked")
	private static List<AccessProperties.Token> read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			List<AccessProperties.Token> tokens = new ArrayList<>();
			if (root instanceof Map<?, ?> map && map.get("tokens") instanceof List<?> list) {
				for (Object item : list) {
					if (item instanceof Map<?, ?> t && t.get("sha256") != null) {
						Map<String, Object> m = (Map<String, Object>) t;
						tokens.add(new AccessProperties.Token(String.valueOf(m.get("name")), String.valueOf(m.get("sha256")),
								text(m.get("role")), text(m.get("clearance")), text(m.get("org")),
								(m.get("recipients") instanceof List<?> r) ? r.stream().map(String::valueOf).toList()
										: List.of()));
					}
				}
			}
			return tokens;
		}
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static void putIfPresent(Map<String, Object> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
