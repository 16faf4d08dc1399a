package org.partneratlas.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.partneratlas.access.HttpCallers;
import org.partneratlas.graph.Author;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's backup endpoints: {@code GET /admin/backup} (the whole store, gzipped JSON lines),
 * {@code POST /admin/restore} (a backup, gzipped or not, into an empty store) and {@code GET /admin/checksum}. Only
 * an admin may call them: anonymous callers get 401, everyone else 403, before anything is read.
 */
@RestController
class BackupController {

	private final Backup backup;

	BackupController(Backup backup) {
		this.backup = backup;
	}

	@GetMapping("/admin/backup")
	void backup(HttpServletResponse response) throws IOException {
		requireAdmin();
		response.setContentType("application/gzip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("partner-atlas-backup-" + LocalDate.now() + ".jsonl.gz")
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		GZIPOutputStream gzip = new GZIPOutputStream(response.getOutputStream(), 1 << 16);
		this.backup.backup(gzip);
		gzip.finish();
	}

	@PostMapping("/admin/restore")
	Map<String, Object> restore(HttpServletRequest request) throws IOException {
		requireAdmin();
		return summary(this.backup.restore(ungzipped(request.getInputStream())));
	}

	@GetMapping("/admin/checksum")
	Map<String, Object> checksum() {
		requireAdmin();
		return summary(this.backup.checksum());
	}

	/** The stream as it is, or unzipped when it starts with gzip's magic bytes. */
	static InputStream ungzipped(InputStream in) throws IOException {
		PushbackInputStream peek = new PushbackInputStream(in, 2);
		byte[] magic = peek.readNBytes(2);
		peek.unread(magic);
		return (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b)
				? new GZIPInputStream(peek, 1 << 16) : peek;
	}

	private static void requireAdmin() {
		Author caller = HttpCallers.current();
		if (caller.anonymous()) {
			throw new Refused(HttpStatus.UNAUTHORIZED, "backups are for admins: present an admin's bearer token");
		}
		if (!caller.admin()) {
			throw new Refused(HttpStatus.FORBIDDEN, "backups are for admins; you are " + caller.role());
		}
	}

	static Map<String, Object> summary(Backup.Summary summary) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("nodes", summary.nodes());
		body.put("relationships", summary.relationships());
		body.put("checksum", summary.checksum());
		return body;
	}

	@ExceptionHandler(Refused.class)
	ResponseEntity<Map<String, Object>> refused(Refused ex) {
		return ExportController.error(ex.status, ex.getMessage());
	}

	@ExceptionHandler(Backup.RestoreRefusedException.class)
	ResponseEntity<Map<String, Object>> restoreRefused(Backup.RestoreRefusedException ex) {
		return ExportController.error(ex.storeNotEmpty() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	static final class Refused extends RuntimeException {

		private final HttpStatus status;

		Refused(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

	}

}
