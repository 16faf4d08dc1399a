// A streamed import's commit point: its journal goes, in one transaction; from then on nothing undoes the run.
// Parameters: $run.
MATCH (j:ImportJournal {run: $run})
DELETE j
