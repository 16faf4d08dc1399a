// Weighted Louvain communities of the in-memory graph $graphName, kept as the node property 'community' of that graph
// only (nothing is written to the database); one thread, so the same graph splits the same way every time.
// Parameters: $graphName.
CALL gds.louvain.mutate($graphName, {mutateProperty: 'community', relationshipWeightProperty: 'weight',
  concurrency: 1})
YIELD modularity
RETURN modularity
