package org.partneratlas.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.partneratlas.access.HttpCallers;
import org.partneratlas.graph.Author;
import org.partneratlas.graph.BadRequestException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /export?format=graphml|gexf|cyjs|csv&scope=all|neighbourhood|path|view&...} (or the same parameters
 * POSTed as a form): a file of what the caller
 * may see, authenticated exactly as {@code /graphql} (a bearer token, or anonymous and CLEAR only). The file is named
 * after its scope and the highest marking it holds ({@code partner-atlas-neighbourhood-country-IN-TLP-AMBER.gexf}),
 * which the {@code X-Atlas-Tlp} header repeats; nothing is cached on the way. Every problem with the request is a 400
 * with a JSON body saying what and where, sent before any byte of the file; a node the caller may not see answers
 * 404, exactly as an unknown one.
 */
@RestController
@EnableConfigurationProperties(ExportProperties.class)
class ExportController {

	static final String TLP_HEADER = "X-Atlas-Tlp";

	private final Exports exports;

	ExportController(Exports exports) {
		this.exports = exports;
	}

	/** GET with the query string; or POST as a form, for a view of more ids than a URL holds (Tomcat takes 8 KiB). */
	@RequestMapping(path = "/export", method = { RequestMethod.GET, RequestMethod.POST })
	void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((k, v) -> parameters.put(k, Arrays.asList(v)));
		List<String> formats = parameters.getOrDefault("format", List.of());
		String name = formats.isEmpty() ? null : formats.getFirst().strip();
		if (name == null || name.isEmpty()) {
			throw new BadRequestException("'format' is missing: give format=graphml, gexf, cyjs or csv");
		}
		ExportFormat format = ExportFormat.of(name)
			.orElseThrow(() -> new BadRequestException("unknown format '" + ExportRequest.abbreviate(name)
					+ "': give format=graphml, gexf, cyjs or csv"));
		ExportRequest asked = ExportRequest.of(parameters);
		Author caller = HttpCallers.current();
		Exports.Prepared prepared = this.exports.prepare(asked, caller.visibility());
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(format.mediaType()
				+ ((format == ExportFormat.CSV) ? "" : ";charset=" + StandardCharsets.UTF_8.name().toLowerCase()));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(prepared.fileName(format)).build().toString());
		response.setHeader(TLP_HEADER, prepared.header().label());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.exports.write(prepared, format, response.getOutputStream());
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<Map<String, Object>> badRequest(BadRequestException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(Exports.NotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(Exports.NotFoundException ex) {
		return error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", message);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
