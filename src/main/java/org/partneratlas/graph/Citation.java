package org.partneratlas.graph;

/**
 * Where a fact comes from: a source document and the place in it.
 *
 * @param sourceId the document's id ({@code source:004})
 * @param locator the section heading or footnote that supports the fact
 */
public record Citation(String sourceId, String locator) {
}
