// Weighted PageRank (damping 0.85) of every actor of the in-memory graph $graphName, iterated to the in-service
// tolerance; GDS scores sum to the number of actors, the service divides them by their sum (no actor is dangling).
// Parameters: $graphName.
CALL gds.pageRank.stream($graphName, {dampingFactor: 0.85, relationshipWeightProperty: 'weight', maxIterations: 100,
  tolerance: 1e-10})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
