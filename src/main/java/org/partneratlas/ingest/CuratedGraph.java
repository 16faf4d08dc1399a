package org.partneratlas.ingest;

import java.util.List;
import java.util.Map;

/**
 * A validated graph, ready to write: every row refers only to nodes that exist in it or in the reference data.
 *
 * @param nodes node rows: {@code id}, {@code labels} and {@code props}
 * @param ties relationship rows: {@code id}, {@code from}, {@code type}, {@code to} and {@code props}
 */
public record CuratedGraph(List<Map<String, Object>> nodes, List<Map<String, Object>> ties) {
}
