// Drops the in-memory graph $graphName (no error when it was never made: its projection may have failed).
// Parameters: $graphName.
CALL gds.graph.drop($graphName, false)
YIELD graphName
RETURN graphName
