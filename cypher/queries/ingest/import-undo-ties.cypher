// Before a streamed import's batch updates relationships: a copy of each one's properties as they were, tagged with
// the run, in the batch's transaction. Parameters: $run, $rows {id, from}.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r]->()
WHERE r.id = row.id
CREATE (u:ImportUndo)
SET u = properties(r)
SET u._undoRun = $run, u._undoOf = row.id, u._undoFrom = row.from, u._undoKind = 'tie'
