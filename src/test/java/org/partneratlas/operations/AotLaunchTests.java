package org.partneratlas.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launch's decisions: which mode, whether the service runs in this JVM, the child's command, the cache's keys. */
class AotLaunchTests {

	@TempDir
	Path dir;

	@Test
	void theModeComesFromTheLastArgumentThenTheEnvironmentAndIsCachedByDefault() {
		assertThat(AotLaunch.mode(List.of(), Map.of())).isEqualTo(AotLaunch.Mode.CACHED);
		assertThat(AotLaunch.mode(List.of(), Map.of("ATLAS_LAUNCH_MODE", "plain"))).isEqualTo(AotLaunch.Mode.PLAIN);
		assertThat(AotLaunch.mode(List.of("--atlas.launch.mode=prepare"), Map.of("ATLAS_LAUNCH_MODE", "plain")))
			.isEqualTo(AotLaunch.Mode.PREPARE);
		assertThat(AotLaunch.mode(List.of("--atlas.launch.mode=plain", "--atlas.launch.mode=Cached"), Map.of()))
			.isEqualTo(AotLaunch.Mode.CACHED);
		assertThatThrownBy(() -> AotLaunch.mode(List.of("--atlas.launch.mode=fast"), Map.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("atlas.launch.mode is 'fast'")
			.hasMessageContaining("plain");
	}

	@Test
	void theLaunchSettingsAreNotPassedToTheService() {
		assertThat(AotLaunch.serviceArguments(new String[] { "--server.port=9090", "--atlas.launch.mode=cached",
				"--atlas.launch.directory=/tmp/x", "--atlas.launch.modex=1" }))
			.containsExactly("--server.port=9090", "--atlas.launch.modex=1");
	}

	@Test
	void theJvmOptionsAreWhatCameBeforeTheJar() {
		assertThat(AotLaunch.jvmOptions(List.of("-Xmx1g", "-Dx=-jar", "-jar", "app.jar", "-Xmx2g")))
			.containsExactly("-Xmx1g", "-Dx=-jar");
		assertThat(AotLaunch.jvmOptions(List.of("-cp", "a.jar", "Main"))).isEmpty();
	}

	@Test
	void theServiceRunsInThisJvmWhenItCannotOrShouldNotGoThroughTheCache() {
		assertThat(AotLaunch.whyInProcess(true, List.of("-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED"), 25))
			.isNull();
		assertThat(AotLaunch.whyInProcess(false, List.of(), 25)).contains("packaged jar");
		assertThat(AotLaunch.whyInProcess(true, List.of(), 24)).contains("JDK 25");
		for (String own : List.of("-XX:AOTCache=app.aot", "-XX:AOTCacheOutput=app.aot", "-XX:AOTMode=record",
				"-XX:SharedArchiveFile=a.jsa", "-XX:ArchiveClassesAtExit=a.jsa", "-Xshare:off",
				"-agentlib:jdwp=transport=dt_socket,server=y", "-Djarmode=tools")) {
			assertThat(AotLaunch.whyInProcess(true, List.of("-Xmx1g", own), 25)).as(own).contains(own);
		}
	}

	@Test
	void theLaunchDirectoryIsNextToTheJarUnlessSetOtherwise() {
		Path jar = this.dir.resolve("dist/partner-atlas-1.2.jar");
		assertThat(AotLaunch.directory(List.of(), Map.of(), jar)).isEqualTo(this.dir.resolve("dist/partner-atlas-1.2.launch"));
		assertThat(AotLaunch.directory(List.of(), Map.of("ATLAS_LAUNCH_DIRECTORY", "/var/cache/atlas"), jar))
			.isEqualTo(Path.of("/var/cache/atlas"));
		assertThat(AotLaunch.directory(List.of("--atlas.launch.directory=/srv/launch"),
				Map.of("ATLAS_LAUNCH_DIRECTORY", "/var/cache/atlas"), jar))
			.isEqualTo(Path.of("/srv/launch"));
	}

	@Test
	void theServiceCommandKeepsTheCallersOptionsAndArgumentsAndNamesTheCacheAndTheLauncher() {
		AotLaunch.Launch launch = new AotLaunch.Launch(Path.of("/jdk/bin/java"), Path.of("/d/app.jar"), Path.of("/d/app.launch"),
				List.of("-Xmx1g", "-Dfoo=bar"));
		Path extracted = Path.of("/d/app.launch/0123456789abcdef/app.jar");
		List<String> command = launch.serviceCommand(
				new AotLaunch.Prepared(extracted, Path.of("/d/app.launch/0123456789abcdef/start-up-x.aot")), 4242,
				new String[] { "--server.port=9090", "two words" });
		assertThat(command.getFirst()).isEqualTo("/jdk/bin/java");
		assertThat(command).containsSubsequence("--sun-misc-unsafe-memory-access=allow", "-Xmx1g", "-Dfoo=bar",
				"-XX:AOTCache=/d/app.launch/0123456789abcdef/start-up-x.aot", "-Datlas.launch.parent=4242", "-jar",
				extracted.toString(), "--server.port=9090", "two words");
		assertThat(command.subList(command.indexOf("-jar"), command.size())).hasSize(4);

		List<String> withoutCache = launch.serviceCommand(new AotLaunch.Prepared(extracted, null), 4242, new String[0]);
		assertThat(withoutCache).noneMatch((arg) -> arg.startsWith("-XX:AOT")).endsWith("-jar", extracted.toString());
	}

	@Test
	void theCacheIsKeyedByTheJvmOptions() {
		Path jar = Path.of("/d/app.jar");
		String plain = new AotLaunch.Launch(Path.of("java"), jar, this.dir, List.of()).cacheName();
		assertThat(plain).matches("start-up-[0-9a-f]{12}\\.aot");
		assertThat(new AotLaunch.Launch(Path.of("java"), jar, this.dir, List.of()).cacheName()).isEqualTo(plain);
		assertThat(new AotLaunch.Launch(Path.of("java"), jar, this.dir, List.of("-Xmx1g")).cacheName()).isNotEqualTo(plain);
	}

	@Test
	void theJarIsKeyedByItsContentHashedOnlyWhenItsStampChanges() throws IOException {
		Path jar = Files.writeString(this.dir.resolve("app.jar"), "one");
		AotLaunch.Launch launch = new AotLaunch.Launch(Path.of("java"), jar, this.dir, List.of());
		String one = launch.jarChecksum();
		assertThat(one).isEqualTo(AotLaunch.sha256("one".getBytes()));
		// the stamp answers while the jar's size, time and file key are unchanged
		List<String> stamp = Files.readAllLines(this.dir.resolve("jar.stamp"));
		Files.writeString(this.dir.resolve("jar.stamp"), stamp.get(0) + "\nfrom-the-stamp\n");
		assertThat(launch.jarChecksum()).isEqualTo("from-the-stamp");
		// another build: another size or time, hashed again
		Files.writeString(jar, "other content");
		assertThat(launch.jarChecksum()).isEqualTo(AotLaunch.sha256("other content".getBytes()));
	}

	@Test
	void aTrainingRunLeavesTheServicesSettingsFromTheEnvironmentOut() {
		Map<String, String> environment = new HashMap<>(Map.of("PATH", "/bin", "JAVA_HOME", "/jdk", "ATLAS_DATA_DIR",
				"/srv/atlas", "NEO4J_URI", "bolt://db:7687", "SPRING_PROFILES_ACTIVE", "prod", "SERVER_PORT", "80",
				"JDK_JAVA_OPTIONS", "-Xmx1g"));
		AotLaunch.withoutServiceSettings(environment);
		assertThat(environment).containsOnlyKeys("PATH", "JAVA_HOME", "JDK_JAVA_OPTIONS");
	}

}
