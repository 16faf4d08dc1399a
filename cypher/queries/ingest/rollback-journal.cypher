// A streamed import's batches, newest first, to undo them.
// Parameters: $run.
MATCH (j:ImportJournal {run: $run})
RETURN j.batch AS batch, j.nodes AS nodes, j.tieIds AS tieIds, j.tieFroms AS tieFroms, j.updated AS updated
ORDER BY batch DESC
