package org.partneratlas.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backup commands of the jar, for the embedded default with the service stopped (the store is one process's):
 * {@code backup --to FILE}, {@code restore --from FILE} and {@code checksum}, each starting the application listening on
 * no port and without loading the curated graph, then closing it. A file ending in {@code .gz} is gzipped.
 * Further arguments go to the application ({@code --atlas.embedded.data-directory=...}, or {@code ATLAS_DATA_DIR}).
 */
public final class BackupCommand {

	/** The commands this class answers. */
	public static final List<String> NAMES = List.of("backup", "restore", "checksum");

	private BackupCommand() {
	}

	/** Runs a command; answers the process's exit code (0 done, 1 refused or failed, 2 misused). */
	public static int run(Class<?> application, String[] args) {
		String command = args[0];
		String file = null;
		List<String> rest = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if ((args[i].equals("--to") && command.equals("backup")) || (args[i].equals("--from") && command.equals("restore"))) {
				if (i + 1 >= args.length) {
					return usage(args[i] + " needs a file");
				}
				file = args[++i];
			}
			else {
				rest.add(args[i]);
			}
		}
		if (!command.equals("checksum") && file == null) {
			return usage(command + " needs " + (command.equals("backup") ? "--to FILE" : "--from FILE"));
		}
		if (command.equals("restore") && !Files.isReadable(Path.of(file))) {
			return usage("cannot read " + file);
		}
		rest.add("--atlas.seed.load-on-start=false");
		// The security configuration needs the servlet context (WebApplicationType.NONE fails on HttpSecurity): keep
		// it, and listen on no port.
		rest.add("--server.port=-1");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.run(rest.toArray(String[]::new))) {
			Backup backup = context.getBean(Backup.class);
			Backup.Summary summary = switch (command) {
				case "backup" -> backup(backup, Path.of(file));
				case "restore" -> {
					try (InputStream in = BackupController.ungzipped(Files.newInputStream(Path.of(file)))) {
						yield backup.restore(in);
					}
				}
				default -> backup.checksum();
			};
			System.out.println(command + ": " + summary.nodes() + " nodes, " + summary.relationships()
					+ " relationships, checksum " + summary.checksum());
			return 0;
		}
		catch (Backup.RestoreRefusedException ex) {
			System.err.println(command + " refused: " + ex.getMessage());
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			System.err.println(command + " failed: " + ex);
			return 1;
		}
	}

	/** Writes to a temporary file beside the target and moves it into place only when complete. */
	private static Backup.Summary backup(Backup backup, Path file) throws IOException {
		Path target = file.toAbsolutePath();
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		Backup.Summary summary;
		try (OutputStream out = Files.newOutputStream(partial)) {
			if (target.toString().endsWith(".gz")) {
				try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
					summary = backup.backup(gzip);
				}
			}
			else {
				summary = backup.backup(out);
			}
		}
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return summary;
	}

	private static int usage(String problem) {
		System.err.println(problem + "\nusage: java -jar partner-atlas.jar backup --to FILE[.gz] | restore --from FILE | "
				+ "checksum [--spring.args...]");
		return 2;
	}

}
