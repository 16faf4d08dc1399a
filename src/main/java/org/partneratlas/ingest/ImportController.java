package org.partneratlas.ingest;

import java.nio.file.Path;
import java.util.Map;

import org.partneratlas.graph.Author;
import org.partneratlas.graph.WriteRefusedException;
import org.partneratlas.graph.WriteRefusedException.Reason;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The admin-only {@code importData} mutation: runs a mapping file on the server, as the import command does, and
 * answers with the report. The import is audited under the admin's name.
 */
@Controller
class ImportController {

	private final Importer importer;

	ImportController(Importer importer) {
		this.importer = importer;
	}

	@MutationMapping
	Map<String, Object> importData(@Argument String mapping, @Argument Boolean dryRun,
			@ContextValue(Author.CONTEXT_KEY) Author author) {
		if (author.anonymous()) {
			throw new WriteRefusedException(Reason.UNAUTHORIZED, "Imports need credentials: present an admin's token");
		}
		if (!author.admin()) {
			throw new WriteRefusedException(Reason.FORBIDDEN, "Imports need the admin role; you are " + author.role());
		}
		Path file = Path.of(mapping);
		if (!file.toFile().isFile()) {
			throw new WriteRefusedException(Reason.BAD_REQUEST, "No mapping file " + mapping + " on the server");
		}
		return this.importer
			.run(file, Boolean.TRUE.equals(dryRun), new Importer.Runner(author.name(), author.role()), (line) -> {
			})
			.asMap();
	}

}
