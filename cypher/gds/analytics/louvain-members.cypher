// Each actor of the in-memory graph $graphName with the community louvain.cypher gave it.
// Parameters: $graphName.
CALL gds.graph.nodeProperty.stream($graphName, 'community')
YIELD nodeId, propertyValue
RETURN gds.util.asNode(nodeId).id AS id, propertyValue AS community
