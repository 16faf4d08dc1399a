package org.partneratlas.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin-only {@code importData} mutation over HTTP: refused to anyone but an admin, and a dry run answers with
 * the report (here of a broken fixture: every problem listed, nothing written).
 */
class ImportApiIT extends AtlasIT {

	private static final String IMPORT = """
			mutation ($mapping: String!) { importData(mapping: $mapping, dryRun: true) {
			  dryRun written read problems { file record field reason } } }""";

	private static final String MAPPING = Path.of("src/test/resources/import/broken/mapping.yaml")
		.toAbsolutePath()
		.toString();

	@Test
	void onlyAnAdminMayImport() {
		DocumentContext editor = this.graphQl.as("test-editor-green").post(IMPORT, "mapping", MAPPING);
		assertThat(editor.read("$.errors[0].extensions.classification", String.class)).isEqualTo("FORBIDDEN");
		DocumentContext anonymous = this.graphQl.post(IMPORT, "mapping", MAPPING);
		assertThat(anonymous.read("$.errors[0].extensions.classification", String.class)).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void aDryRunAnswersWithTheReport() {
		DocumentContext admin = this.graphQl.as("test-red-cleared").post(IMPORT, "mapping", MAPPING);
		assertThat(admin.read("$.data.importData.dryRun", Boolean.class)).isTrue();
		assertThat(admin.read("$.data.importData.written", Boolean.class)).isFalse();
		List<Map<String, String>> problems = admin.read("$.data.importData.problems");
		assertThat(problems).anySatisfy((p) -> {
			assertThat(p.get("file")).isEqualTo("cable/a.json");
			assertThat(p.get("field")).isEqualTo("lengthKm");
			assertThat(p.get("reason")).contains("12 parsecs");
		});
	}

}
