package org.partneratlas.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * A second web origin for cross-origin tests: a JDK HTTP server on a loopback port of its own (started once per JVM,
 * on first use, on a daemon thread), serving whatever pages a test puts here. The same server is two origins to a
 * browser: {@link #allowed()} ({@code http://localhost:<port>}), which the test application lists in
 * {@code atlas.cors.allowed-origins}, and {@link #notAllowed()} ({@code http://127.0.0.1:<port>}), which it does not.
 */
public final class SecondOrigin {

	private static final Map<String, Page> pages = new ConcurrentHashMap<>();

	private static volatile HttpServer server;

	private SecondOrigin() {
	}

	/** What a path answers: a content type and a body. */
	public record Page(String contentType, String body) {
	}

	/** The origin the test application allows. */
	public static String allowed() {
		return "http://localhost:" + port();
	}

	/** The same server under an origin the test application does not allow. */
	public static String notAllowed() {
		return "http://127.0.0.1:" + port();
	}

	/** Serves {@code body} at {@code path} (from now on, on both origins). */
	public static void serve(String path, String contentType, String body) {
		port();
		pages.put(path, new Page(contentType, body));
	}

	private static synchronized int port() {
		if (server == null) {
			try {
				HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
				started.createContext("/", (exchange) -> {
					Page page = pages.get(exchange.getRequestURI().getPath());
					byte[] body = (page != null) ? page.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
					if (page != null) {
						exchange.getResponseHeaders().set("Content-Type", page.contentType());
					}
					exchange.sendResponseHeaders((page != null) ? 200 : 404, (body.length > 0) ? body.length : -1);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				});
				// the server's dispatcher thread takes the daemon flag of the thread that starts it: never keep the
				// test JVM alive
				Thread starter = new Thread(started::start);
				starter.setDaemon(true);
				starter.start();
				starter.join();
				server = started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return server.getAddress().getPort();
	}

}
