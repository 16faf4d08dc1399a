// Exact, unweighted betweenness of every actor of the undirected in-memory graph $graphName: each unordered pair
// counted once, as the in-service Centrality.betweenness.
// Parameters: $graphName.
CALL gds.betweenness.stream($graphName)
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
