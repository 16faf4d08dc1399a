package org.partneratlas.operations;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar partner-atlas.jar} through the JDK 25 AOT cache (issue 13 §4): the packaged jar, started plainly,
 * runs the service as a child JVM from its extracted form with an AOT cache recorded for that jar and JDK, instead of
 * loading some 35 000 classes out of the jars nested in the fat jar (a quarter of a plain start's Java samples went to
 * that lookup, bench/results/2026-12-01-startup2.md) and linking them afresh.
 * <p>
 * What the launching JVM (the "parent", which loads a dozen classes and then only waits) does:
 * <ol>
 * <li>finds its launch directory: {@code <jar's directory>/<jar name>.launch}, or {@code atlas.launch.directory}
 * ({@code ATLAS_LAUNCH_DIRECTORY});</li>
 * <li>extracts the jar there once per content (Spring Boot's own {@code -Djarmode=tools extract}: plain jars on the
 * class path, as the AOT cache requires), in a directory named by the jar's SHA-256; the checksum is computed only when
 * the jar's size, time or file key changed;</li>
 * <li>once per extracted jar, JDK and set of JVM options, records the cache with a training run
 * ({@code -XX:AOTCacheOutput}, JEP 514/515; {@link TrainingRun}: a start on a scratch store that asks itself a
 * visitor's first questions, then exits, with the service's settings from the environment left out so that it is the
 * same run everywhere). A training run that fails is remembered and not retried at every start (the service then
 * starts from the extracted jar without a cache); {@code prepare} retries it;</li>
 * <li>starts the service: {@code java <the options it was given> -XX:AOTCache=... -jar <extracted jar> <arguments>},
 * sharing its standard streams, and exits with the service's exit code. SIGTERM, SIGINT and SIGHUP to the parent stop
 * the service first (its graceful shutdown); if the parent is killed outright, the service notices within seconds
 * ({@link #stopWithLauncher()}) and stops.</li>
 * </ol>
 * {@code atlas.launch.mode} ({@code ATLAS_LAUNCH_MODE}) is {@code cached} (the default), {@code plain} (this JVM runs
 * the service itself, as before) or {@code prepare} (extract and record, then exit: for an image build or a
 * benchmark). The service runs in this JVM anyway when it was not started from the packaged jar (tests,
 * {@code spring-boot:run}, an IDE), when the JVM already has an AOT or CDS archive option, a debugger agent or an older
 * JDK, or when the launch directory cannot be written.
 */
public final class AotLaunch {

	/** How a start goes: through the cache, in this JVM, or only the preparation. */
	enum Mode {

		CACHED, PLAIN, PREPARE

	}

	static final String MODE = "atlas.launch.mode";

	static final String DIRECTORY = "atlas.launch.directory";

	/** The system property that tells the service it runs under a launcher, and that launcher's process id. */
	static final String LAUNCHER_PID = "atlas.launch.parent";

	/**
	 * What the service needs on JDK 25 (Neo4j's off-heap memory access; the manifest grants the first three to
	 * {@code java -jar}, not the last): given to every JVM the launch starts, before the caller's own options.
	 */
	static final List<String> SERVICE_OPTIONS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
			"--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
			"--sun-misc-unsafe-memory-access=allow");

	/**
	 * JVM options that say the caller manages class data sharing, AOT or debugging itself: the service then runs in
	 * this JVM, as started.
	 */
	private static final List<String> CALLER_MANAGED = List.of("-XX:AOTCache", "-XX:AOTMode", "-XX:AOTConfiguration",
			"-XX:AOTCacheOutput", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-Xshare", "-agentlib:jdwp",
			"-Djarmode");

	/** Settings from the environment that a training run leaves out: it is the same scratch start everywhere. */
	private static final List<String> SERVICE_ENVIRONMENT = List.of("ATLAS_", "SPRING_", "NEO4J_", "SERVER_",
			"MANAGEMENT_", "LOGGING_", "OTEL_");

	private static final long TRAINING_LIMIT_MINUTES = 30;

	/** The directories this launch makes in its directory (an extraction, or one cut off): no other is ever removed. */
	private static final Pattern EXTRACTION = Pattern.compile("[0-9a-f]{16}(\\.part)?");

	private AotLaunch() {
	}

	/**
	 * Runs the service as a child JVM through the AOT cache when this JVM was started as {@code java -jar} on the
	 * packaged jar; returns the exit code to leave with, or nothing when this JVM should run the service itself.
	 */
	public static OptionalInt launch(String[] args) {
		Mode mode;
		try {
			mode = mode(List.of(args), System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println("Partner Atlas: " + ex.getMessage());
			return OptionalInt.of(2);
		}
		if (mode == Mode.PLAIN) {
			return OptionalInt.empty();
		}
		List<String> command = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
		Path jar = packagedJar();
		String inProcess = whyInProcess(jar != null, jvmOptions(command), Runtime.version().feature());
		if (jar == null || inProcess != null) {
			if (mode == Mode.PREPARE) {
				System.err.println("Partner Atlas: nothing to prepare: " + inProcess);
				return OptionalInt.of(2);
			}
			return OptionalInt.empty();
		}
		Path directory = directory(List.of(args), System.getenv(), jar);
		try {
			Files.createDirectories(directory);
			if (!Files.isWritable(directory)) {
				throw new IOException(directory + " is not writable");
			}
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Partner Atlas: cannot use the launch directory " + directory + " (" + ex.getMessage()
					+ "); starting without the start-up cache (set ATLAS_LAUNCH_DIRECTORY to a writable one)");
			return OptionalInt.empty();
		}
		AotLaunch.Launch launch = new Launch(Path.of(System.getProperty("java.home"), "bin", "java"), jar, directory,
				jvmOptions(command));
		try {
			Prepared prepared = launch.prepare(mode == Mode.PREPARE);
			if (mode == Mode.PREPARE) {
				System.err.println("Partner Atlas: prepared " + prepared.jar().getParent()
						+ (prepared.cache() != null ? ", start-up cache " + prepared.cache() : ", no start-up cache"));
				return OptionalInt.of(prepared.cache() != null ? 0 : 1);
			}
			return OptionalInt.of(launch.run(prepared, serviceArguments(args)));
		}
		catch (IOException ex) {
			System.err.println("Partner Atlas: the cached launch failed (" + ex.getMessage()
					+ "); starting without the start-up cache");
			return OptionalInt.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalInt.of(130);
		}
	}

	/**
	 * In the service started by a launcher: stops it (gracefully) when the launcher is gone, so that a launcher killed
	 * outright (SIGKILL, no chance to stop its child) leaves no service behind. Notices within about 5 s: the JDK polls
	 * a process that is not its own child.
	 */
	public static void stopWithLauncher() {
		String launcher = System.getProperty(LAUNCHER_PID);
		if (launcher == null) {
			return;
		}
		ProcessHandle.of(Long.parseLong(launcher)).ifPresentOrElse((handle) -> handle.onExit().thenRun(() -> {
			System.err.println("Partner Atlas: the launcher (process " + launcher + ") is gone; stopping");
			System.exit(1);
		}), () -> System.exit(1));
	}

	/** The service's arguments: the launch's own settings left out. */
	public static String[] serviceArguments(String[] args) {
		return Stream.of(args)
			.filter((arg) -> !arg.startsWith("--" + MODE + "=") && !arg.startsWith("--" + DIRECTORY + "="))
			.toArray(String[]::new);
	}

	/** The mode: the last {@code --atlas.launch.mode=} argument, else {@code ATLAS_LAUNCH_MODE}, else cached. */
	static Mode mode(List<String> args, Map<String, String> env) {
		String value = env.get("ATLAS_LAUNCH_MODE");
		for (String arg : args) {
			if (arg.startsWith("--" + MODE + "=")) {
				value = arg.substring(MODE.length() + 3);
			}
		}
		if (value == null || value.isBlank()) {
			return Mode.CACHED;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "cached" -> Mode.CACHED;
			case "plain" -> Mode.PLAIN;
			case "prepare" -> Mode.PREPARE;
			default -> throw new IllegalArgumentException(MODE + " is '" + value
					+ "': it takes cached (the default), plain (no child JVM, no cache) or prepare (extract and record"
					+ " the start-up cache, then exit)");
		};
	}

	/** The JVM options this JVM was started with: everything before {@code -jar} on its command line. */
	static List<String> jvmOptions(List<String> commandArguments) {
		int jar = commandArguments.indexOf("-jar");
		return (jar < 0) ? List.of() : List.copyOf(commandArguments.subList(0, jar));
	}

	/** Why the service runs in this JVM, or null when it goes through the cache. */
	static @Nullable String whyInProcess(boolean packagedJar, List<String> jvmOptions, int jdkFeature) {
		if (!packagedJar) {
			return "not started as java -jar on the packaged jar";
		}
		if (jdkFeature < 25) {
			return "the AOT cache needs JDK 25 or later";
		}
		for (String option : jvmOptions) {
			for (String managed : CALLER_MANAGED) {
				if (option.startsWith(managed)) {
					return "the JVM was started with " + option;
				}
			}
		}
		return null;
	}

	/** {@code atlas.launch.directory}, else {@code ATLAS_LAUNCH_DIRECTORY}, else next to the jar. */
	static Path directory(List<String> args, Map<String, String> env, Path jar) {
		String value = env.get("ATLAS_LAUNCH_DIRECTORY");
		for (String arg : args) {
			if (arg.startsWith("--" + DIRECTORY + "=")) {
				value = arg.substring(DIRECTORY.length() + 3);
			}
		}
		if (value != null && !value.isBlank()) {
			return Path.of(value).toAbsolutePath();
		}
		String name = jar.getFileName().toString();
		return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".launch");
	}

	/**
	 * The packaged jar this JVM runs from, or null: a class of the service loaded by Spring Boot's nested-jar class
	 * loader, and a class path of one jar file.
	 */
	private static @Nullable Path packagedJar() {
		ClassLoader loader = AotLaunch.class.getClassLoader();
		if (loader == null || !loader.getClass().getName().startsWith("org.springframework.boot.loader.")) {
			return null;
		}
		String classPath = System.getProperty("java.class.path", "");
		if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
			return null;
		}
		Path jar = Path.of(classPath).toAbsolutePath();
		return Files.isRegularFile(jar) ? jar : null;
	}

	/** The environment of a training run: the parent's, without the service's settings. */
	static void withoutServiceSettings(Map<String, String> environment) {
		environment.keySet().removeIf((name) -> SERVICE_ENVIRONMENT.stream().anyMatch(name::startsWith));
	}

	/** The extracted jar, and the cache to start it with (null when none could be recorded). */
	record Prepared(Path jar, @Nullable Path cache) {
	}

	/** One launch: where the JVM, the jar and the launch directory are, and the caller's JVM options. */
	record Launch(Path java, Path jar, Path directory, List<String> jvmOptions) {

		/** Extracts the jar and records the cache where needed, one launcher at a time. */
		Prepared prepare(boolean retryFailedTraining) throws IOException, InterruptedException {
			try (FileChannel lockFile = FileChannel.open(this.directory.resolve("lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
				Path extracted = extracted();
				Path cache = extracted.resolveSibling(cacheName());
				Path failed = extracted.resolveSibling(cacheName() + ".failed");
				if (Files.isRegularFile(cache) && Files.size(cache) > 0) {
					return new Prepared(extracted, cache);
				}
				if (Files.exists(failed) && !retryFailedTraining) {
					System.err.println("Partner Atlas: the start-up cache could not be recorded for this jar (see "
							+ Files.readString(failed).strip()
							+ "); starting without it (ATLAS_LAUNCH_MODE=prepare tries again)");
					return new Prepared(extracted, null);
				}
				Files.deleteIfExists(failed);
				return new Prepared(extracted, train(extracted, cache, failed));
			}
		}

		/** The extracted jar for this jar's content, extracting it if it is not there yet (older ones removed). */
		Path extracted() throws IOException, InterruptedException {
			String key = jarChecksum().substring(0, 16);
			Path home = this.directory.resolve(key);
			Path extracted = home.resolve(this.jar.getFileName().toString());
			if (Files.isRegularFile(extracted)) {
				return extracted;
			}
			System.err.println("Partner Atlas: extracting " + this.jar.getFileName() + " into " + home
					+ " (once per build: plain jars start faster and can use the start-up cache)");
			try (Stream<Path> entries = Files.list(this.directory)) {
				for (Path old : entries.filter((path) -> Files.isDirectory(path)
						&& EXTRACTION.matcher(path.getFileName().toString()).matches()).toList()) {
					deleteTree(old); // other builds of this jar, and an extraction cut off
				}
			}
			Path part = this.directory.resolve(key + ".part");
			Path log = this.directory.resolve("extract.log");
			Process extract = new ProcessBuilder(this.java.toString(), "-Djarmode=tools", "-jar", this.jar.toString(),
					"extract", "--destination", part.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!extract.waitFor(10, TimeUnit.MINUTES) || extract.exitValue() != 0
					|| !Files.isRegularFile(part.resolve(this.jar.getFileName().toString()))) {
				extract.destroyForcibly();
				throw new IOException("extracting the jar failed, see " + log);
			}
			Files.move(part, home, StandardCopyOption.ATOMIC_MOVE);
			return extracted;
		}

		/**
		 * The cache's file name: one per JDK build and set of JVM options (a cache recorded under other options may
		 * not apply, and the JVM would then ignore it).
		 */
		String cacheName() {
			String key = System.getProperty("java.vm.version") + "\n" + String.join("\n", this.jvmOptions);
			return "start-up-" + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12) + ".aot";
		}

		/** Records the cache with a training run; the cache, or null (and a note in {@code failed}) if it failed. */
		@Nullable Path train(Path extracted, Path cache, Path failed) throws IOException, InterruptedException {
			Path recording = cache.resolveSibling(cache.getFileName().toString().replace(".aot", ".recording.aot"));
			Path log = cache.resolveSibling(cache.getFileName() + ".training.log");
			Path scratch = Files.createTempDirectory("atlas-training-");
			System.err.println("Partner Atlas: recording the start-up cache, once for this jar and JDK (a training start"
					+ " on a scratch store that asks itself a visitor's first questions; about a minute, longer on a busy"
					+ " machine): " + cache);
			try {
				List<String> command = new ArrayList<>();
				command.add(this.java.toString());
				command.addAll(SERVICE_OPTIONS);
				command.addAll(this.jvmOptions);
				command.add("-XX:AOTCacheOutput=" + recording);
				command.addAll(List.of("-jar", extracted.toString(), "--atlas.startup.training-run=true",
						"--spring.neo4j.uri=", "--atlas.embedded.data-directory=" + scratch.resolve("neo4j"),
						"--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
						"--logging.level.root=warn"));
				// in a scratch directory too: no application.yaml of the caller's working directory applies
				ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile())
					.redirectErrorStream(true)
					.redirectOutput(log.toFile());
				withoutServiceSettings(builder.environment());
				Process training = builder.start();
				boolean ended = training.waitFor(TRAINING_LIMIT_MINUTES, TimeUnit.MINUTES);
				if (!ended) {
					training.descendants().forEach(ProcessHandle::destroyForcibly);
					training.destroyForcibly().waitFor();
				}
				if (ended && training.exitValue() == 0 && Files.isRegularFile(recording) && Files.size(recording) > 0) {
					Files.move(recording, cache, StandardCopyOption.ATOMIC_MOVE);
					return cache;
				}
				String why = ended ? "exit code " + training.exitValue() : "no end after " + TRAINING_LIMIT_MINUTES + " min";
				Files.writeString(failed, log + " (" + why + ")\n");
				System.err.println("Partner Atlas: the training run failed (" + why + ", see " + log
						+ "); starting without the start-up cache");
				return null;
			}
			finally {
				Files.deleteIfExists(recording);
				Files.deleteIfExists(recording.resolveSibling(recording.getFileName() + ".config"));
				deleteTree(scratch);
			}
		}

		/** Starts the service as a child and waits for it; its exit code. */
		int run(Prepared prepared, String[] args) throws IOException, InterruptedException {
			List<String> command = serviceCommand(prepared, ProcessHandle.current().pid(), args);
			Process service = new ProcessBuilder(command).inheritIO().start();
			// SIGTERM, SIGINT, SIGHUP: this JVM's shutdown hooks run; the service stops first, gracefully
			Thread stop = new Thread(() -> {
				if (service.isAlive()) {
					service.destroy();
					try {
						service.waitFor();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			}, "atlas-launch-stop");
			Runtime.getRuntime().addShutdownHook(stop);
			return service.waitFor();
		}

		/** The service's command line. */
		List<String> serviceCommand(Prepared prepared, long launcherPid, String[] args) {
			List<String> command = new ArrayList<>();
			command.add(this.java.toString());
			command.addAll(SERVICE_OPTIONS);
			command.addAll(this.jvmOptions);
			if (prepared.cache() != null) {
				command.add("-XX:AOTCache=" + prepared.cache());
			}
			command.add("-D" + LAUNCHER_PID + "=" + launcherPid);
			command.add("-jar");
			command.add(prepared.jar().toString());
			command.addAll(List.of(args));
			return command;
		}

		/**
		 * The jar's SHA-256, read from {@code jar.stamp} while the jar's size, modification time and file key are the
		 * ones recorded there (hashing 180 MiB at every start would cost a few tenths of a second of CPU).
		 */
		String jarChecksum() throws IOException {
			BasicFileAttributes attributes = Files.readAttributes(this.jar, BasicFileAttributes.class);
			String stamp = this.jar + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis() + " "
					+ attributes.fileKey();
			Path stampFile = this.directory.resolve("jar.stamp");
			if (Files.isRegularFile(stampFile)) {
				List<String> lines = Files.readAllLines(stampFile);
				if (lines.size() == 2 && lines.get(0).equals(stamp)) {
					return lines.get(1);
				}
			}
			MessageDigest digest = sha256();
			try (InputStream in = Files.newInputStream(this.jar)) {
				byte[] buffer = new byte[1 << 20];
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					digest.update(buffer, 0, read);
				}
			}
			String checksum = HexFormat.of().formatHex(digest.digest());
			Files.writeString(stampFile, stamp + "\n" + checksum + "\n");
			return checksum;
		}

	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(sha256().digest(bytes));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> all = Files.walk(root)) {
			for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
