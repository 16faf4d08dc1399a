// The streamed imports that started and never committed (a journal is left): undone at the next start.
// Parameters: none.
MATCH (j:ImportJournal)
RETURN DISTINCT j.run AS run
