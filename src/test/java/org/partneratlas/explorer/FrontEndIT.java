package org.partneratlas.explorer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partneratlas.support.AtlasIT;
import org.partneratlas.support.SecondOrigin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a front-end team meets, in a real Chromium (the one browser of the JVM): the README's examples run, as they are
 * written there, on a page of another origin that the configuration allows (they query, page through a listing with
 * cursors and draw a neighbourhood with Cytoscape.js), and the same page on an origin not listed is refused by the
 * browser; GraphiQL renders and runs a query with nothing fetched from outside the service.
 */
@ExtendWith(Browser.class)
class FrontEndIT extends AtlasIT {

	ChromeDriver driver;

	String api;

	@BeforeEach
	void page() throws Exception {
		this.driver = Browser.driver();
		this.api = "http://127.0.0.1:" + this.port;
		for (int i = 0; i < 600 && this.graphQl.post("{ node(id: \"org:ecso\") { id } }").read("$.data.node") == null; i++) {
			Thread.sleep(100);
		}
		SecondOrigin.serve("/examples.js", "text/javascript", readmeExamples().replace("http://localhost:8080", this.api));
		SecondOrigin.serve("/examples.html", "text/html", """
				<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page on another origin</title>
				<script src="%s/webjars/cytoscape/3.33.1/dist/cytoscape.min.js"></script>
				<script src="/examples.js"></script></head>
				<body><div id="cy" style="width: 600px; height: 400px"></div></body></html>
				""".formatted(this.api));
	}

	/**
	 * The README's JavaScript examples ({@code // example: ...} blocks of "For front-end developers"), as written,
	 * without their {@code import} lines (the page loads Cytoscape.js as a script).
	 */
	static String readmeExamples() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		Matcher block = Pattern.compile("```js\n(// example: [^\n]+\n.*?)```", Pattern.DOTALL).matcher(readme);
		List<String> examples = new ArrayList<>();
		while (block.find()) {
			examples.add(block.group(1).replaceAll("(?m)^import .*$", ""));
		}
		assertThat(examples).as("the README's examples").hasSize(3);
		return String.join("\n", examples);
	}

	/** Runs {@code script} (which ends by calling {@code done(value)}) in the page; its value, or its error's text. */
	Object run(String script) {
		return this.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "const fail = (e) => done({ error: String(e), classification: e.classification || null });"
				+ "try {" + script + "} catch (e) { fail(e); }");
	}

	@Test
	void aPageOnAnAllowedOriginQueriesPagesAndDrawsWithTheReadmesExamples() {
		this.driver.get(SecondOrigin.allowed() + "/examples.html");
		// plain fetch, anonymous and with a token (the preflight lets Authorization through)
		assertThat(run("atlas('query ($id: ID!) { node(id: $id) { name } }', { id: 'country:IN' })"
				+ ".then((d) => done(d.node.name), fail);")).isEqualTo("India");
		assertThat(run("atlas('{ me { name clearance } }', {}, 'test-amber').then((d) => done(d.me), fail);"))
			.isEqualTo(Map.of("name", "amber", "clearance", "AMBER"));
		// an error's classification reaches the page
		assertThat(run("atlas('{ actors(first: 101) { nodes { id } } }').then(() => done('answered'), fail);"))
			.asString().contains("BAD_REQUEST").contains("101");
		// the cursor loop walks every page: the countries are more than one page of 100
		long countries = this.graphQl.post("{ actors(filter: { labels: [COUNTRY] }, first: 1) { totalCount } }")
			.read("$.data.actors.totalCount", Long.class);
		assertThat(countries).isGreaterThan(100);
		Object paged = run("allActors({ labels: ['COUNTRY'] }).then((a) => done({ count: a.length, "
				+ "distinct: new Set(a.map((x) => x.id)).size, india: a.some((x) => x.id === 'country:IN') }), fail);");
		assertThat(paged).isEqualTo(Map.of("count", countries, "distinct", countries, "india", true));
		// the neighbourhood drawn with Cytoscape.js holds what the API answers
		// (on a loaded machine the first plan of this statement may hit the 10 s statement timeout: asked again)
		var neighbourhood = this.graphQl
			.post("{ neighbourhood(id: \"country:IN\", depth: 2, limit: 100) { nodes { id } edges { id } } }");
		for (int i = 0; i < 3 && neighbourhood.jsonString().contains("\"TIMEOUT\""); i++) {
			neighbourhood = this.graphQl
				.post("{ neighbourhood(id: \"country:IN\", depth: 2, limit: 100) { nodes { id } edges { id } } }");
		}
		List<String> nodes = neighbourhood.read("$.data.neighbourhood.nodes[*].id");
		List<String> edges = neighbourhood.read("$.data.neighbourhood.edges[*].id");
		assertThat(edges).isNotEmpty();
		String draw = "drawNeighbourhood(document.getElementById('cy'), 'country:IN').then((cy) => done({ "
				+ "nodes: cy.nodes().length, edges: cy.edges().length, india: cy.getElementById('country:IN').length }), fail);";
		Object drawn = run(draw);
		for (int i = 0; i < 2 && String.valueOf(drawn).contains("TIMEOUT"); i++) {
			drawn = run(draw);
		}
		assertThat(drawn).isEqualTo(Map.of("nodes", (long) nodes.size(), "edges", (long) edges.size(), "india", 1L));
	}

	@Test
	void theSamePageOnAnOriginNotListedIsRefusedByTheBrowser() {
		this.driver.get(SecondOrigin.notAllowed() + "/examples.html");
		Object refused = run("atlas('{ node(id: \"country:IN\") { name } }').then((d) => done(d), fail);");
		assertThat(refused).asString().contains("Failed to fetch").doesNotContain("India");
		// not a network failure: the service is up and answers that same origin's page from the allowed one
		this.driver.get(SecondOrigin.allowed() + "/examples.html");
		assertThat(run("atlas('{ node(id: \"country:IN\") { name } }').then((d) => done(d.node.name), fail);"))
			.isEqualTo("India");
	}

	@Test
	void graphiqlRendersAndRunsAQueryWithNothingFromOutsideTheService() {
		var page = this.graphQl.get("/graphiql?path=/graphql");
		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'").contains("connect-src 'self'").contains("default-src 'self'")
			.doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(page.body()).doesNotContain("esm.sh").doesNotContain("https://")
			.doesNotContainPattern("<script>(?s).+?</script>");
		this.driver.get(this.api + "/graphiql?path=/graphql&query="
				+ URLEncoder.encode("{ node(id: \"country:IN\") { name } }", StandardCharsets.UTF_8));
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button"))).click();
		wait.until((d) -> String.valueOf(this.driver
			.executeScript("return document.querySelector('.graphiql-response')?.textContent || ''"))
			.contains("India"));
		assertThat(this.driver.executeScript("return window.cspViolations")).asList().isEmpty();
		List<?> resources = (List<?>) this.driver
			.executeScript("return performance.getEntriesByType('resource').map((r) => r.name)");
		assertThat(resources).as("everything GraphiQL loaded and asked").isNotEmpty()
			.allSatisfy((url) -> assertThat(url).asString().startsWith(this.api + "/"));
		assertThat(resources).asString().contains("/webjars/graphiql/2.4.7/graphiql.min.js").contains("/graphql");
	}

}
