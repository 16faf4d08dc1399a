// Degree of every actor of the in-memory graph $graphName: its number of distinct neighbours (pairs were summed
// into one weighted relationship when projected), as the in-service Centrality.degree.
// Parameters: $graphName.
CALL gds.degree.stream($graphName)
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
