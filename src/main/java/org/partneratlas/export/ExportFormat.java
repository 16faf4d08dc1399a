package org.partneratlas.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The export formats, each with its file extension and media type. The set is closed: each has a writer, and the
 * endpoint lists exactly these in its error for an unknown one.
 */
enum ExportFormat {

	GRAPHML("graphml", "application/graphml+xml"), GEXF("gexf", "application/gexf+xml"),
	CYJS("cyjs", "application/json"), CSV("zip", "application/zip");

	private final String extension;

	private final String mediaType;

	ExportFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	String extension() {
		return this.extension;
	}

	String mediaType() {
		return this.mediaType;
	}

	/** The name the endpoint takes ({@code graphml}, {@code gexf}, {@code cyjs}, {@code csv}). */
	String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ExportFormat> of(String parameter) {
		return Arrays.stream(values()).filter((f) -> f.parameter().equals(parameter)).findFirst();
	}

	GraphSink sink(java.io.OutputStream out, String baseName) throws java.io.IOException {
		return switch (this) {
			case GRAPHML -> new GraphMlSink(out);
			case GEXF -> new GexfSink(out);
			case CYJS -> new CytoscapeSink(out);
			case CSV -> new CsvSink(out, baseName);
		};
	}

}
