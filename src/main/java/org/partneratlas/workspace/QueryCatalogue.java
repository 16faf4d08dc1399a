package org.partneratlas.workspace;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.Visibility;

import org.springframework.stereotype.Service;

/**
 * The catalogue as callers see it: every {@link CatalogueSource} bean asked (the reviewed files; the saved and
 * promoted queries when their source is there), and {@code documentId} values resolved: {@code <id>} for the newest
 * version, {@code <id>@<version>} for a given one.
 * <p>
 * When two sources answer the same id, the more trusted entry wins (reviewed, then promoted, then saved), so a saved
 * query can never stand in for a reviewed one of the same id. A source answers only what the caller may see, so an
 * entry the caller may not see is answered exactly as one that does not exist.
 */
@Service
public class QueryCatalogue {

	private static final Pattern DOCUMENT_ID = Pattern.compile("([^@\\s]{1,200})(?:@([0-9]{1,9}))?");

	private static final Comparator<CatalogueEntry> MOST_TRUSTED = Comparator
		.comparing((CatalogueEntry e) -> e.origin().ordinal());

	private final List<CatalogueSource> sources;

	private final ExplorerDocuments explorer;

	QueryCatalogue(List<CatalogueSource> sources, ExplorerDocuments explorer) {
		this.sources = List.copyOf(sources);
		this.explorer = explorer;
	}

	/** The entry a catalogue id names ({@code id} or {@code id@version}), if the caller may see it. */
	public Optional<CatalogueEntry> find(String documentId, Visibility visibility) {
		Matcher m = DOCUMENT_ID.matcher(documentId);
		if (!m.matches()) {
			return Optional.empty();
		}
		String id = m.group(1);
		Integer version = (m.group(2) != null) ? Integer.valueOf(m.group(2)) : null;
		return this.sources.stream()
			.map((source) -> source.find(id, version, visibility))
			.flatMap(Optional::stream)
			.min(MOST_TRUSTED);
	}

	/** Every entry the caller may see, newest versions, one per id (the most trusted), by name. */
	public List<CatalogueEntry> list(Visibility visibility) {
		Map<String, CatalogueEntry> byId = new LinkedHashMap<>();
		for (CatalogueSource source : this.sources) {
			for (CatalogueEntry entry : source.list(visibility)) {
				byId.merge(entry.id(), entry, (a, b) -> (MOST_TRUSTED.compare(a, b) <= 0) ? a : b);
			}
		}
		return byId.values()
			.stream()
			.sorted(Comparator.comparing((CatalogueEntry e) -> e.name().toLowerCase(java.util.Locale.ROOT))
				.thenComparing(CatalogueEntry::id))
			.toList();
	}

	/**
	 * The document a {@code documentId} names for this caller: a catalogue entry they may see, or one of the
	 * Explorer's own documents; empty when there is none (or the caller may not see it).
	 */
	Optional<Document> resolve(String documentId, Visibility visibility) {
		if (documentId.startsWith(ExplorerDocuments.PREFIX)) {
			return this.explorer.find(documentId).map((text) -> new Document(documentId, text, true, null));
		}
		return find(documentId, visibility)
			.map((entry) -> new Document(documentId, entry.document(), entry.origin().trusted(), entry));
	}

	/** Refuses a documentId that cannot name anything, before any source is asked. */
	static void checkForm(String documentId) {
		if (documentId.isBlank() || documentId.length() > 200) {
			throw new BadRequestException("'documentId' must be a catalogue id (or id@version) of at most 200 "
					+ "characters, not " + documentId.length() + " characters");
		}
	}

	/**
	 * A resolved document.
	 *
	 * @param documentId the id it was asked by
	 * @param text the GraphQL document
	 * @param trusted whether it may run where only trusted documents run
	 * @param entry the catalogue entry, or null for one of the Explorer's documents
	 */
	record Document(String documentId, String text, boolean trusted, @Nullable CatalogueEntry entry) {
	}

}
