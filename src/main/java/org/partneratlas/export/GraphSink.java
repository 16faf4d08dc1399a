package org.partneratlas.export;

import java.io.IOException;

/**
 * A format's writer: told the header, then each node, then each edge, as they arrive, then the end. A writer keeps
 * nothing of the items it has written, so memory stays bounded whatever the size of the graph. The set is closed:
 * one writer per {@link ExportFormat}.
 */
sealed interface GraphSink permits GraphMlSink, GexfSink, CytoscapeSink, CsvSink {

	void begin(ExportHeader header) throws IOException;

	void node(ExportItem node) throws IOException;

	/** The first edge comes after the last node. */
	void edge(ExportItem edge) throws IOException;

	void end() throws IOException;

}
