package org.partneratlas.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole request surface, fed what a careless or hostile client sends: bodies that are not a GraphQL request,
 * odd headers, and every argument and input field of every query and mutation (read from the schema by
 * introspection) given a text far over its limit, an empty text, an extreme number, a wrong type or null. No answer
 * may be a 5xx or an {@code INTERNAL_ERROR}: each says what was wrong. Bounded: one seeded pass, at most
 * {@value #MAX_REQUESTS} requests. Mutations are tried only by callers who may not write or with values over the
 * limits, so nothing is written to the shared graph.
 */
@SuppressWarnings("unchecked")
class RequestSurfaceFuzzIT extends AtlasIT {

	static final int MAX_REQUESTS = 1_500;

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String INTROSPECTION = """
			{ __schema { queryType { name } mutationType { name }
			  types { name kind enumValues { name } inputFields { name type { ...T } }
			          fields { name args { name type { ...T } } } } } }
			fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""";

	private int sent;

	@Test
	void aNameOverTheIndexKeyLimitIsABadRequestThatSaysTheLimit() {
		String query = "mutation ($in: CreateNodeInput!) { createNode(input: $in) { node { id } } }";
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("label", "ORGANISATION");
		input.put("name", "N".repeat(60_000));
		input.put("kind", "association");
		input.put("tlp", "GREEN");
		input.put("sources", List.of(Map.of("sourceId", "source:004", "locator", "x")));
		var answer = this.graphQl.as("test-editor-ecso").post(query, "in", input);
		assertThat(answer.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(answer.read("$.errors[0].message", String.class)).contains("'input.name'", "60000", "limit is 1000");
	}

	@Test
	void anArgumentWithADefaultMayBeLeftOutButNotNull() {
		var answer = this.graphQl.post("{ search(text: \"europ\", first: null) { score } }");
		assertThat(answer.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(answer.read("$.errors[0].message", String.class)).contains("'first'", "not null");
		assertThat(this.graphQl.post("{ search(text: \"europ\") { score } }").read("$.data.search", List.class))
			.isNotEmpty();
	}

	@Test
	void bodiesThatAreNotAGraphQlRequestAre400() throws Exception {
		for (String body : List.of("null", "[]", "[null]", "\"query\"", "42", "true", "{}", "{\"query\":null}",
				"{\"query\":42}", "{\"query\":[]}", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}",
				"{\"query\":\"{ __typename }\",\"variables\":[1]}", "{\"query\":\"{ __typename }\",\"extensions\":1}",
				"{\"query\":\"{ __typename }\",\"operationName\":5}", "{", "{\"query\":\"{\"}", "\u0000", "",
				"{\"query\":\"{ __typename }\"}garbage", "{\"query\":\"\\ud800\"}")) {
			HttpResponse<String> answer = post(body, "application/json", Map.of());
			assertThat(answer.statusCode()).as(body).isBetween(200, 499);
			assertThat(answer.body()).as(body).doesNotContain("INTERNAL_ERROR", "Exception", "at org.");
		}
		assertThat(post("null", "application/json", Map.of()).statusCode()).isEqualTo(400);
	}

	@Test
	void oddHeadersAreNeverAServerError() throws Exception {
		String ok = "{\"query\":\"{ __typename }\"}";
		List<Map<String, String>> headers = List.of(Map.of("Accept", "nonsense/;;;"), Map.of("Accept", "*/*;q=x"),
				Map.of("Accept", "text/html"), Map.of("Content-Type", "text/plain"),
				Map.of("Content-Type", "application/json; charset=nonsense"), Map.of("X-Request-Id", "x".repeat(5000)),
				Map.of("X-Request-Id", "\t"), Map.of("Accept-Language", "zz-ZZ-\u00e9"),
				Map.of("Accept-Encoding", "gzip;q=nonsense"), Map.of("Origin", "http://evil.example"));
		for (Map<String, String> header : headers) {
			String type = header.getOrDefault("Content-Type", "application/json");
			Map<String, String> others = new LinkedHashMap<>(header);
			others.remove("Content-Type");
			HttpResponse<String> answer = post(ok, type, others);
			assertThat(answer.statusCode()).as(header.toString()).isLessThan(500);
			assertThat(answer.body()).as(header.toString()).doesNotContain("INTERNAL_ERROR");
		}
	}

	@Test
	void everyArgumentAndInputFieldTakesHostileValuesWithoutAnInternalError() throws Exception {
		long started = System.nanoTime();
		Map<String, Object> schema = JsonPath.parse(post(JSONValue.toJSONString(Map.of("query", INTROSPECTION)),
				"application/json", Map.of()).body()).read("$.data.__schema");
		Map<String, Map<String, Object>> types = new LinkedHashMap<>();
		for (Object t : (List<?>) schema.get("types")) {
			types.put((String) ((Map<?, ?>) t).get("name"), (Map<String, Object>) t);
		}
		Random random = new Random(12);
		int fields = 0;
		for (String operation : List.of("query", "mutation")) {
			Object root = schema.get(operation + "Type");
			if (root == null) {
				continue;
			}
			Map<String, Object> type = types.get(((Map<?, ?>) root).get("name"));
			for (Object f : (List<?>) type.get("fields")) {
				Map<String, Object> field = (Map<String, Object>) f;
				List<Map<String, Object>> args = (List<Map<String, Object>>) field.get("args");
				if (args.isEmpty()) {
					continue;
				}
				fields++;
				Map<String, Object> plausible = new LinkedHashMap<>();
				for (Map<String, Object> arg : args) {
					plausible.put((String) arg.get("name"), plausible((Map<String, Object>) arg.get("type"), types));
				}
				// every argument, and every input field under it, in turn given each hostile value
				for (Map<String, Object> arg : args) {
					for (List<String> path : paths(List.of((String) arg.get("name")),
							(Map<String, Object>) arg.get("type"), types, 0)) {
						List<Object> all = hostile(random);
						List<Object> picked = new ArrayList<>(List.of(all.get(0)));
						picked.add(null);
						for (int i = 0; i < 3; i++) {
							picked.add(all.get(2 + random.nextInt(all.size() - 2)));
						}
						for (Object hostile : picked) {
							boolean mutation = "mutation".equals(operation);
							boolean overLimit = hostile instanceof String s && s.length() > 1000;
							// a viewer may not write, nor save queries or views (analysts may: the workspace)
							String token = (!mutation || overLimit) ? "test-editor-ecso" : "test-csc-member";
							send(operation, (String) field.get("name"), args, types, set(plausible, path, hostile),
									token, path);
						}
					}
				}
			}
		}
		assertThat(fields).as("fields with arguments").isGreaterThan(15);
		assertThat(this.sent).isGreaterThan(200).isLessThanOrEqualTo(MAX_REQUESTS);
		assertThat(System.nanoTime() - started).as("bounded in time").isLessThan(240_000_000_000L);
	}

	private void send(String operation, String field, List<Map<String, Object>> args,
			Map<String, Map<String, Object>> types, Map<String, Object> values, String token, List<String> path)
			throws Exception {
		if (this.sent >= MAX_REQUESTS) {
			return;
		}
		this.sent++;
		StringBuilder declared = new StringBuilder();
		StringBuilder passed = new StringBuilder();
		for (Map<String, Object> arg : args) {
			String name = (String) arg.get("name");
			declared.append(declared.isEmpty() ? "" : ", ").append('$').append(name).append(": ")
				.append(typeName((Map<String, Object>) arg.get("type")));
			passed.append(passed.isEmpty() ? "" : ", ").append(name).append(": $").append(name);
		}
		String query = operation + " (" + declared + ") { " + field + "(" + passed + ") { __typename } }";
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", values);
		HttpResponse<String> answer = post(JSONValue.toJSONString(body), "application/json",
				Map.of("Authorization", "Bearer " + token));
		String what = field + " " + path + " = " + abbreviated(values);
		assertThat(answer.statusCode()).as(what).isLessThan(500);
		assertThat(answer.body()).as(what + " -> " + answer.body()).doesNotContain("INTERNAL_ERROR");
	}

	private static String abbreviated(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	/** Paths to every argument and input field (depth-bounded), each a list of names from the argument down. */
	private static List<List<String>> paths(List<String> at, Map<String, Object> type,
			Map<String, Map<String, Object>> types, int depth) {
		List<List<String>> paths = new ArrayList<>();
		paths.add(at);
		Map<String, Object> named = named(type);
		if ("INPUT_OBJECT".equals(named.get("kind")) && depth < 3) {
			for (Object f : (List<?>) types.get(named.get("name")).get("inputFields")) {
				Map<String, Object> field = (Map<String, Object>) f;
				List<String> next = new ArrayList<>(at);
				next.add((String) field.get("name"));
				paths.addAll(paths(next, (Map<String, Object>) field.get("type"), types, depth + 1));
			}
		}
		return paths;
	}

	private static List<Object> hostile(Random random) {
		return java.util.Arrays.asList("N".repeat(60_000), "\u00e9".repeat(1_001), "", " ", "\u0000",
				"' OR 1=1 //", Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1e300, true, null, List.of(), Map.of(),
				List.of("x".repeat(2_000)), "2026-13-45", random.nextLong());
	}

	/** A value of a type that passes validation (so that a hostile one elsewhere reaches the resolver). */
	private static Object plausible(Map<String, Object> type, Map<String, Map<String, Object>> types) {
		Map<String, Object> named = named(type);
		boolean list = isList(type);
		Object value = switch (String.valueOf(named.get("kind"))) {
			case "ENUM" -> ((Map<?, ?>) ((List<?>) types.get(named.get("name")).get("enumValues")).get(0)).get("name");
			case "INPUT_OBJECT" -> {
				Map<String, Object> input = new LinkedHashMap<>();
				for (Object f : (List<?>) types.get(named.get("name")).get("inputFields")) {
					Map<String, Object> field = (Map<String, Object>) f;
					if ("NON_NULL".equals(((Map<?, ?>) field.get("type")).get("kind"))) {
						input.put((String) field.get("name"), plausible((Map<String, Object>) field.get("type"), types));
					}
				}
				yield input;
			}
			default -> switch (String.valueOf(named.get("name"))) {
				case "Int" -> 1;
				case "Float" -> 1.0;
				case "Boolean" -> true;
				case "ID" -> "union:eu";
				default -> "x";
			};
		};
		return list ? List.of(value) : value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> set(Map<String, Object> values, List<String> path, Object hostile) {
		Map<String, Object> copy = (Map<String, Object>) deepCopy(values);
		Map<String, Object> at = copy;
		for (int i = 0; i < path.size() - 1; i++) {
			Object next = at.get(path.get(i));
			if (next instanceof List<?> list && !list.isEmpty()) {
				next = list.get(0);
			}
			if (!(next instanceof Map)) {
				Map<String, Object> made = new LinkedHashMap<>();
				at.put(path.get(i), made);
				next = made;
			}
			at = (Map<String, Object>) next;
		}
		at.put(path.getLast(), hostile);
		return copy;
	}

	private static Object deepCopy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list.stream().map(RequestSurfaceFuzzIT::deepCopy).toList());
		}
		return value;
	}

	private static Map<String, Object> named(Map<String, Object> type) {
		Map<String, Object> t = type;
		while (t.get("ofType") != null) {
			t = (Map<String, Object>) t.get("ofType");
		}
		return t;
	}

	private static boolean isList(Map<String, Object> type) {
		Map<String, Object> t = type;
		while (t != null) {
			if ("LIST".equals(t.get("kind"))) {
				return true;
			}
			t = (Map<String, Object>) t.get("ofType");
		}
		return false;
	}

	private static String typeName(Map<String, Object> type) {
		return switch (String.valueOf(type.get("kind"))) {
			case "NON_NULL" -> typeName((Map<String, Object>) type.get("ofType")) + "!";
			case "LIST" -> "[" + typeName((Map<String, Object>) type.get("ofType")) + "]";
			default -> String.valueOf(type.get("name"));
		};
	}

	private HttpResponse<String> post(String body, String contentType, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
