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
 *
 * @param name the node's name
 * @param id the node's id
 */
record Cursor(String name, String id) {

	private static final char SEPARATOR = '\u001f';

	private static final SecureRandom random = new SecureRandom();

	String encode(Sealer sealer) {
		return sealer.seal(this.name + SEPARATOR + this.id);
	}

	static Cursor decode(String text, Sealer sealer) {
		String decoded = sealer.open(text);
		int at = (decoded != null) ? decoded.lastIndexOf(SEPARATOR) : -1;
		if (at < 0) {
			throw new BadRequestException("malformed cursor '" + text + "': pass back a cursor this API returned");
		}
		return new Cursor(decoded.substring(0, at), decoded.substring(at + 1));
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
