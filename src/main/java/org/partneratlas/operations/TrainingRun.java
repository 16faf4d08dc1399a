package org.partneratlas.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The training run that records the JDK 25 AOT cache ({@code ./atlas} runs it once, with
 * {@code -XX:AOTCacheOutput}, on a scratch store): once the service is ready it asks itself, over HTTP, the questions a
 * first visitor asks (the Explorer's search, a profile, a neighbourhood, paths, the listings' counts), then stops. The
 * JVM then writes every class those answers loaded and linked, and the profiles of the methods they ran (JEP 483, 514,
 * 515), so that a later start with the cache loads them from it instead of from the jar. The cache covers what the
 * training ran: a start and no question would leave the first answer's Cypher, GraphQL and web classes out.
 * <p>
 * Only with {@code atlas.startup.training-run=true}; a question that fails stops the run with a non-zero exit code, so
 * the launcher keeps no cache recorded from a broken start.
 */
@Component
@ConditionalOnProperty("atlas.startup.training-run")
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

	/** What a first visitor asks: the start-up probe of {@code bench/startup.sh} first, then the Explorer's steps. */
	static final List<String> QUESTIONS = List.of(
			"{ a: actors { totalCount } i: instruments(filter: {labels: [INSTRUMENT, PROGRAMME, PROJECT, CABLE]}) { totalCount } profile(id: \"country:IN\") { ties { other { id } } } }",
			"{ me { name clearance } search(text: \"europ spac\") { node { id name } score } }",
			"{ node(id: \"union:eu\") { id name label tlp sources { locator source { name } } } }",
			"{ profile(id: \"country:IN\") { node { name } ties { edge { type role start sources { locator source { name } } } other { id name } counterparts { node { name } } } } }",
			"{ neighbourhood(id: \"org:ecso\", depth: 2, limit: 50) { nodes { id label name } edges { type from to } omittedNodes } }",
			"{ connections(a: \"union:eu\", b: \"country:IN\") { through { via { id name } } } }",
			"{ paths(from: \"org:ecso\", to: \"country:IN\", k: 3) { found paths { nodes { id } } } }",
			"{ timeline(id: \"country:IN\") { events { date kind } } }");

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		var context = event.getApplicationContext();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		int failed = 0;
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
			for (int round = 0; round < 2; round++) {
				for (String question : QUESTIONS) {
					String body = "{\"query\":" + quoted(question) + "}";
					HttpResponse<String> answer = http.send(
							HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
								.timeout(Duration.ofMinutes(2))
								.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString(body))
								.build(),
							HttpResponse.BodyHandlers.ofString());
					if (answer.statusCode() == 408 || answer.statusCode() == 503) {
						// a busy machine: the question ran (and trained) until its deadline; not a broken start
						log.warn("Training question answered {} (busy machine): {}", answer.statusCode(), question);
					}
					else if (answer.statusCode() != 200 || answer.body().contains("\"errors\"")) {
						failed++;
						log.warn("Training question answered {}: {}", answer.statusCode(), answer.body());
					}
				}
			}
		}
		catch (Exception ex) {
			log.error("Training run failed", ex);
			failed++;
		}
		int code = (failed == 0) ? 0 : 1;
		log.info("Training run done ({} questions failed); stopping", failed);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
