package org.partneratlas.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import net.minidev.json.JSONValue;

/** A GraphQL client over real HTTP to the application under test; answers are read with JSON paths. */
public final class GraphQl {

	private static final HttpClient http = HttpClient.newHttpClient();

	private final URI endpoint;

	private final String token;

	private final Map<String, String> headers;

	public GraphQl(int port) {
		this(URI.create("http://127.0.0.1:" + port + "/graphql"), null, Map.of());
	}

	private GraphQl(URI endpoint, String token, Map<String, String> headers) {
		this.endpoint = endpoint;
		this.token = token;
		this.headers = headers;
	}

	/** The same client, presenting a bearer token. */
	public GraphQl as(String token) {
		return new GraphQl(this.endpoint, token, this.headers);
	}

	/** The same client, sending one more request header. */
	public GraphQl withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new GraphQl(this.endpoint, this.token, headers);
	}

	/** Posts a query; returns the whole JSON answer ({@code $.data...}, {@code $.errors...}). */
	public DocumentContext post(String query, Object... variables) {
		return JsonPath.parse(raw(query, variables).body());
	}

	/** Posts a query; returns the HTTP response as it came. */
	public HttpResponse<String> raw(String query, Object... variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", vars(variables));
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint);
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		this.headers.forEach(request::header);
		return send(request
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.POST(HttpRequest.BodyPublishers.ofString(JSONValue.toJSONString(body)))
			.build());
	}

	/** A plain GET on the same server, for pages such as GraphiQL. */
	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(this.endpoint.resolve(path)).GET().build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> vars(Object... keyValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

}
