package org.partneratlas.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Visibility;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The reviewed catalogue: the query files under {@code queries/} (packaged onto the classpath), read once at start.
 * A file that cannot be read refuses the start with the file and the reasons, as a broken seed file does: a
 * catalogue quietly missing a query would be a wrong answer to "what can I ask?". Each entry carries its own
 * marking; a caller sees the entries whose marking their clearance reaches, and nothing else of the rest.
 */
@Component
class ReviewedQueries implements CatalogueSource {

	static final String LOCATION = "classpath*:queries/*.graphql";

	private final Map<String, QueryFile> files;

	ReviewedQueries() {
		this(LOCATION);
	}

	ReviewedQueries(String location) {
		Map<String, QueryFile> read = new LinkedHashMap<>();
		for (Resource resource : resources(location)) {
			String file = Objects.requireNonNull(resource.getFilename());
			String id = file.substring(0, file.length() - ".graphql".length());
			QueryFile query = QueryFile.read(id, "queries/" + file, text(resource));
			if (read.put(id, query) != null) {
				throw new QueryFile.Refused("queries/" + file, List.of("two files make the id '" + id + "'"));
			}
		}
		this.files = Map.copyOf(read);
	}

	@Override
	public Optional<CatalogueEntry> find(String id, @Nullable Integer version, Visibility visibility) {
		QueryFile file = this.files.get(id);
		if (file == null || !visible(file.entry(), visibility)
				|| (version != null && version != file.entry().version())) {
			return Optional.empty();
		}
		return Optional.of(file.entry());
	}

	@Override
	public List<CatalogueEntry> list(Visibility visibility) {
		return this.files.values()
			.stream()
			.map(QueryFile::entry)
			.filter((entry) -> visible(entry, visibility))
			.sorted(Comparator.comparing(CatalogueEntry::id))
			.toList();
	}

	/** Every file as read, examples included (for the tests that run each example). */
	List<QueryFile> files() {
		return new ArrayList<>(this.files.values());
	}

	static boolean visible(CatalogueEntry entry, Visibility visibility) {
		List<String> grants = visibility.grants();
		return Visibility.accessOf(entry.marking(), null, List.of()).stream().anyMatch(grants::contains);
	}

	static Resource[] resources(String location) {
		try {
			return new PathMatchingResourcePatternResolver().getResources(location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(Resource resource) {
		try (var in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
