package org.partneratlas.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The export endpoint over real HTTP, and the consumers' readers: {@code read_export.py} reads a file with NetworkX
 * (GraphML, GEXF) or Python's json and csv (Cytoscape.js JSON, CSV) and prints what it holds. Without python3 or
 * NetworkX the reading tests skip with one line, unless {@code -Datlas.networkx.required=true} or {@code ATLAS_NETWORKX_REQUIRED=true} (set by {@code .ci/run}) makes that a
 * failure.
 */
final class ExportClient {

	private static final HttpClient http = HttpClient.newHttpClient();

	static final boolean NETWORKX_REQUIRED = Boolean.getBoolean("atlas.networkx.required")
			|| "true".equals(System.getenv("ATLAS_NETWORKX_REQUIRED"));

	private final int port;

	ExportClient(int port) {
		this.port = port;
	}

	HttpResponse<byte[]> get(String token, String query) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + query));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<byte[]> postForm(String token, String form) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/export"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An export that must succeed, saved to a file named as the service named it. */
	Path export(String token, String query, Path folder) throws IOException {
		HttpResponse<byte[]> response = get(token, query);
		assertThat(response.statusCode()).as(query + ": " + new String(response.body())).isEqualTo(200);
		String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
		String name = disposition.replaceAll(".*filename=\"([^\"]+)\".*", "$1");
		Path file = folder.resolve(name);
		Files.write(file, response.body());
		return file;
	}

	/** What the consumers' readers find in a file (see {@code read_export.py}). */
	static Map<String, Object> read(String format, Path file) throws IOException, InterruptedException {
		Path script = Path.of("src/test/resources/export/read_export.py");
		Process process;
		try {
			process = new ProcessBuilder("python3", script.toString(), format, file.toString()).start();
		}
		catch (IOException ex) {
			skipOrFail("python3 is not installed, so exports are not read back with NetworkX");
			throw ex;
		}
		byte[] out = process.getInputStream().readAllBytes();
		String err = new String(process.getErrorStream().readAllBytes());
		int exit = process.waitFor();
		if (exit == 3) {
			skipOrFail("NetworkX is not installed for python3, so exports are not read back with it "
					+ "(pip install networkx, or apt-get install python3-networkx)");
		}
		assertThat(exit).as("the reader on " + file + ": " + err).isZero();
		return JsonPath.parse(new String(out)).json();
	}

	private static void skipOrFail(String why) {
		if (NETWORKX_REQUIRED) {
			throw new AssertionError(why + " and -Datlas.networkx.required=true");
		}
		assumeTrue(false, why);
	}

	static List<String> sorted(List<String> items) {
		return items.stream().sorted().toList();
	}

}
