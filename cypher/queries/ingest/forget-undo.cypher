// Deletes, a slice at a time, the ImportUndo copies of runs that have no journal any more (committed), or of $run.
// Parameters: $run (null: every run without a journal), $limit.
MATCH (u:ImportUndo)
WHERE u._undoRun = $run OR ($run IS NULL AND NOT EXISTS { MATCH (j:ImportJournal {run: u._undoRun}) })
WITH u
LIMIT $limit
DELETE u
RETURN count(u) AS done
