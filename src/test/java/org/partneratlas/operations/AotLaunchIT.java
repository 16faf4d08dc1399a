package org.partneratlas.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar} on the packaged jar (built by {@code package}, before Failsafe runs), as a user starts it: the
 * first launch extracts the jar and records the start-up cache once; a start then runs the service as one child JVM
 * through that cache and answers; the launcher's exit code is the service's; SIGTERM to the launcher stops the service
 * with it, and a launcher killed outright (SIGKILL) leaves no service behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AotLaunchIT {

	@TempDir
	static Path dir;

	private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

	private Process launcher;

	@AfterEach
	void stopWhatIsLeft() {
		if (this.launcher != null) {
			this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			this.launcher.destroyForcibly();
		}
	}

	@Test
	@Order(1)
	void prepareExtractsTheJarAndRecordsTheStartUpCacheOnce() throws Exception {
		Process prepare = launch(Map.of("ATLAS_LAUNCH_MODE", "prepare"), "prepare.log");
		assertThat(prepare.waitFor(40, TimeUnit.MINUTES)).as("prepared within 40 min").isTrue();
		assertThat(prepare.exitValue()).as(Files.readString(dir.resolve("prepare.log"))).isZero();
		Path home = extraction();
		assertThat(home.resolve(jar().getFileName().toString())).isRegularFile();
		assertThat(home.resolve("lib")).isDirectory();
		assertThat(cache()).isRegularFile().isNotEmptyFile();
		assertThat(Files.readString(dir.resolve("prepare.log"))).contains("extracting", "recording the start-up cache");

		// prepared already: nothing extracted or recorded again
		Process again = launch(Map.of("ATLAS_LAUNCH_MODE", "prepare"), "prepare-again.log");
		assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(again.exitValue()).isZero();
		assertThat(Files.readString(dir.resolve("prepare-again.log"))).doesNotContain("extracting", "recording");
	}

	@Test
	@Order(2)
	void theServiceRunsAsOneChildThroughTheCacheAnswersAndStopsWithItsLauncher() throws Exception {
		int port = freePort();
		this.launcher = launch(Map.of("ATLAS_DATA_DIR", dir.resolve("data").toString()), "service.log",
				"--server.port=" + port, "--server.address=127.0.0.1");
		String answer = awaitAnswer(port, "{ actors { totalCount } }", Duration.ofMinutes(10));
		assertThat(answer).matches(".*\"totalCount\":[1-9][0-9]{2,}.*");

		List<ProcessHandle> children = this.launcher.children().toList();
		assertThat(children).hasSize(1);
		ProcessHandle service = children.getFirst();
		List<String> command = Arrays.asList(service.info().arguments().orElseThrow());
		assertThat(command).contains("-XX:AOTCache=" + cache(), "-Datlas.launch.parent=" + this.launcher.pid(),
				extraction().resolve(jar().getFileName().toString()).toString(), "--server.port=" + port);

		this.launcher.destroy(); // SIGTERM
		assertThat(this.launcher.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(this.launcher.exitValue()).isEqualTo(143);
		assertThat(service.isAlive()).as("the service stops before its launcher").isFalse();
		assertThat(Files.readString(dir.resolve("service.log"))).doesNotContain("extracting", "recording");
	}

	@Test
	@Order(3)
	void aLauncherKilledOutrightLeavesNoServiceBehind() throws Exception {
		this.launcher = launch(Map.of("ATLAS_DATA_DIR", dir.resolve("data").toString()), "killed.log",
				"--server.port=" + freePort(), "--server.address=127.0.0.1");
		ProcessHandle service = awaitChild(this.launcher);
		this.launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs in the launcher
		assertThat(this.launcher.waitFor(1, TimeUnit.MINUTES)).isTrue();
		service.onExit().get(2, TimeUnit.MINUTES);
		assertThat(service.isAlive()).isFalse();
	}

	@Test
	@Order(4)
	void theLauncherExitsWithTheServicesExitCode() throws Exception {
		this.launcher = launch(Map.of("ATLAS_DATA_DIR", dir.resolve("data").toString()), "failed.log",
				"--spring.main.web-application-type=bogus");
		ProcessHandle service = awaitChild(this.launcher);
		assertThat(this.launcher.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(this.launcher.exitValue()).isEqualTo(1);
		assertThat(service.isAlive()).isFalse();
		assertThat(Files.readString(dir.resolve("failed.log"))).contains("bogus");
	}

	private static Process launch(Map<String, String> environment, String log, String... args) throws IOException {
		List<String> command = Stream.concat(Stream.of(JAVA.toString(), "-Xmx1g", "-jar", jar().toString()),
				Stream.of(args)).toList();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve(log).toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("ATLAS_"));
		builder.environment().put("ATLAS_LAUNCH_DIRECTORY", dir.resolve("launch").toString());
		builder.environment().putAll(environment);
		return builder.start();
	}

	/** The packaged jar of this build (Failsafe runs after {@code package}). */
	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files
				.filter((f) -> f.getFileName().toString().matches("partner-atlas-.*\\.jar")
						&& !f.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no packaged jar in target/: run ./mvnw verify"))
				.toAbsolutePath();
		}
	}

	private static Path extraction() throws IOException {
		try (Stream<Path> entries = Files.list(dir.resolve("launch"))) {
			List<Path> homes = entries.filter((p) -> p.getFileName().toString().matches("[0-9a-f]{16}")).toList();
			assertThat(homes).hasSize(1);
			return homes.getFirst();
		}
	}

	private static Path cache() throws IOException {
		try (Stream<Path> entries = Files.list(extraction())) {
			List<Path> caches = entries.filter((p) -> p.getFileName().toString().matches("start-up-[0-9a-f]{12}\\.aot"))
				.toList();
			assertThat(caches).hasSize(1);
			return caches.getFirst();
		}
	}

	private static ProcessHandle awaitChild(Process launcher) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			var child = launcher.children().findFirst();
			if (child.isPresent()) {
				return child.get();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the launcher started no service within 2 min");
	}

	private static String awaitAnswer(int port, String query, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		try (HttpClient http = HttpClient.newHttpClient()) {
			while (System.nanoTime() < deadline) {
				try {
					HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (answer.statusCode() == 200 && answer.body().contains("\"data\"")) {
						return answer.body();
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(500);
			}
		}
		throw new AssertionError("no answer on port " + port + " within " + limit);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
