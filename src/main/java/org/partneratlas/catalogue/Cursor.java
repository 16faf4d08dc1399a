package org.partneratlas.catalogue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.partneratlas.graph.BadRequestException;

/**
 * A listing position: the sort key (name) and the id of a node, sealed with AES-GCM so that a cursor is opaque (it
 * reveals nothing of the node it points at) and cannot be forged or altered (a changed cursor fails authentication).
 * A cursor is bound to its <em>scope</em>: the listing it came from (labels and filters) and the grants of the caller
 * it was made for. Replayed by a caller with other grants (an admin's cursor at a hidden node, handed to a viewer,
 * would tell the viewer where that node's name sorts), or on another listing, it is refused as a bad request.
 *
 * @param name the node's name
 * @param id the node's id
 */
record Cursor(String name, String id) {

	private static final char SEPARATOR = '\u001f';

	private static final SecureRandom random = new SecureRandom();

	String encode(Sealer sealer, String scope) {
		return sealer.seal(scope + SEPARATOR + this.name + SEPARATOR + this.id);
	}

	static Cursor decode(String text, Sealer sealer, String scope) {
		String decoded = sealer.open(text);
		int first = (decoded != null) ? decoded.indexOf(SEPARATOR) : -1;
		int at = (decoded != null) ? decoded.lastIndexOf(SEPARATOR) : -1;
		if (first < 0 || at <= first) {
			throw new BadRequestException("malformed cursor '" + shown(text)
					+ "': pass back a cursor this API returned");
		}
		if (!MessageDigest.isEqual(scope.getBytes(StandardCharsets.UTF_8),
				decoded.substring(0, first).getBytes(StandardCharsets.UTF_8))) {
			throw new BadRequestException("cursor '" + shown(text) + "' belongs to another listing or another caller: "
					+ "a cursor is good only for the same field, filters and credentials it was returned for");
		}
		return new Cursor(decoded.substring(first + 1, at), decoded.substring(at + 1));
	}

	/**
	 * The scope of a listing's cursors: a digest of what it lists and of the caller's grants, in a form that does
	 * not depend on their order.
	 */
	static String scope(String listing, Object filters, java.util.List<String> grants) {
		String text = listing + SEPARATOR + canonical(filters) + SEPARATOR + new java.util.TreeSet<>(grants);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Sealer.sha256(text));
	}

	private static String canonical(Object value) {
		if (value instanceof java.util.Map<?, ?> map) {
			java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
			map.forEach((k, v) -> {
				if (v != null) {
					sorted.put(String.valueOf(k), canonical(v));
				}
			});
			return sorted.toString();
		}
		if (value instanceof java.util.Collection<?> list) {
			return list.stream().map(Cursor::canonical).sorted().toList().toString();
		}
		return String.valueOf(value);
	}

	/** A cursor as an error message quotes it: the first characters only (a caller may send a huge one). */
	private static String shown(String text) {
		return (text.length() <= 80) ? text : text.substring(0, 80) + "...";
	}

	/**
	 * Seals and opens cursors with one AES key: derived from a configured secret (cursors then survive restarts and
	 * work across instances), or random for this process.
	 */
	static final class Sealer {

		private final SecretKeySpec key;

		Sealer(String secret) {
			byte[] bytes = new byte[32];
			if (secret == null || secret.isBlank()) {
				random.nextBytes(bytes);
			}
			else {
				bytes = sha256(secret);
			}
			this.key = new SecretKeySpec(bytes, "AES");
		}

		String seal(String text) {
			try {
				byte[] iv = new byte[12];
				random.nextBytes(iv);
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
				byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
				return Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** The sealed text, or null when the cursor is not one this sealer made. */
		String open(String cursor) {
			try {
				byte[] bytes = Base64.getUrlDecoder().decode(cursor);
				if (bytes.length < 12 + 16) {
					return null;
				}
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, bytes, 0, 12));
				return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
			}
			catch (GeneralSecurityException | IllegalArgumentException ex) {
				return null;
			}
		}

		private static byte[] sha256(String secret) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
