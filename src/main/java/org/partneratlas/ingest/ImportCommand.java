package org.partneratlas.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The import command: {@code java -jar partner-atlas.jar import --mapping <file> [--dry-run] [--report <file>]}. It
 * runs on the service's own store (embedded under {@code ATLAS_DATA_DIR}, or {@code NEO4J_URI}) with the web server
 * off, prints progress and the report's tables, writes the report as JSON ({@code import-report.json} unless
 * {@code --report} says otherwise), and exits 0 when the import ran clean, 1 when it found problems (and wrote
 * nothing), 2 when it was called wrongly.
 */
@Component
public class ImportCommand {

	private final Importer importer;

	public ImportCommand(Importer importer) {
		this.importer = importer;
	}

	/** Runs the command; returns the exit code. */
	public int run(String[] args, PrintStream out) {
		Path mapping = null;
		Path report = Path.of("import-report.json");
		boolean dryRun = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--mapping" -> mapping = (i + 1 < args.length) ? Path.of(args[++i]) : null;
				case "--report" -> report = (i + 1 < args.length) ? Path.of(args[++i]) : report;
				case "--dry-run" -> dryRun = true;
				case "--always-merge" -> this.importer.alwaysMerge();
				default -> {
					if (!args[i].startsWith("--spring.") && !args[i].startsWith("--atlas.")) {
						out.println("unknown argument '" + args[i] + "'");
						return usage(out);
					}
				}
			}
		}
		if (mapping == null || !Files.isRegularFile(mapping)) {
			out.println((mapping == null) ? "no --mapping given" : "no mapping file " + mapping);
			return usage(out);
		}
		String user = System.getProperty("user.name", "unknown");
		ProgressLine progress = new ProgressLine(out, System.console() != null && System.console().isTerminal(), 5_000,
				System::currentTimeMillis);
		long cpu = processCpuNanos();
		ImportReport result = this.importer.run(mapping, dryRun, new Importer.Runner("import:" + user, "admin"),
				progress);
		progress.finish();
		result.print(out);
		cpu = processCpuNanos() - cpu;
		if (cpu > 0) {
			// CPU time of the whole process (the importer and, when embedded, the database): a measure of the work that
			// a busy machine does not inflate as it does wall time (bench/import.sh reads this line).
			long items = result.nodes() + result.ties();
			out.printf("cpu: %.1f s for the import (client and embedded database), %.2f s per 100k items%n", cpu / 1e9,
					(items > 0) ? cpu / 1e9 * 100_000 / items : 0.0);
		}
		try {
			result.writeJson(report);
			out.println("report: " + report.toAbsolutePath());
		}
		catch (IOException ex) {
			out.println("cannot write the report to " + report + ": " + ex.getMessage());
		}
		return result.problems().isEmpty() ? 0 : 1;
	}

	private static long processCpuNanos() {
		return (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) ? os.getProcessCpuTime()
					: -1;
	}

	private static int usage(PrintStream out) {
		out.println("usage: java -jar partner-atlas.jar import --mapping <file> [--dry-run] [--report <file.json>] "
				+ "[--always-merge]");
		return 2;
	}

}
