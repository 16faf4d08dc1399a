package org.partneratlas.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the contract's files are kept, and how a failure about them reads. */
final class SchemaFiles {

	/** The schema as the code defines it, committed so that a change shows in review as a diff. */
	static final Path COMMITTED = Path.of("schema", "partner-atlas.graphqls");

	/** The schemas of past releases, one file a version ({@code 0.1.0.graphqls}). */
	static final Path RELEASED = Path.of("schema", "released");

	/** The command that rewrites {@link #COMMITTED} from the code. */
	static final String REGENERATE = "./mvnw -B -ntp verify -Dit.test=SchemaContractIT -Dtest=NoSuchTest "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Datlas.schema.write=true";

	private SchemaFiles() {
	}

	/** The released schema with the highest version number. */
	static Path lastReleased() {
		try (Stream<Path> files = Files.list(RELEASED)) {
			return files.filter((f) -> f.getFileName().toString().matches("\\d+(\\.\\d+)*\\.graphqls"))
				.max(Comparator.comparing(SchemaFiles::version, SchemaFiles::compareVersions))
				.orElseThrow(() -> new IllegalStateException("no released schema under " + RELEASED));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int[] version(Path file) {
		String name = file.getFileName().toString().replace(".graphqls", "");
		return Stream.of(name.split("\\.")).mapToInt(Integer::parseInt).toArray();
	}

	private static int compareVersions(int[] a, int[] b) {
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int x = (i < a.length) ? a[i] : 0;
			int y = (i < b.length) ? b[i] : 0;
			if (x != y) {
				return Integer.compare(x, y);
			}
		}
		return 0;
	}

	static String explain(Path released, List<SchemaCompatibility.Breaking> breaking) {
		return breaking.size() + " change(s) would break clients of the release in " + released
				+ " (see the README, \"The contract\": deprecate with @deprecated(reason: ...) in one release, remove "
				+ "in a later one):\n  " + breaking.stream().map(Object::toString).collect(Collectors.joining("\n  "))
				+ "\n";
	}

}
