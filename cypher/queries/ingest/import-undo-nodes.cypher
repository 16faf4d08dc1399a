// Before a streamed import's batch updates nodes: a copy of each one's properties as they were, tagged with the run,
// in the batch's transaction. Parameters: $run, $ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CREATE (u:ImportUndo)
SET u = properties(n)
SET u._undoRun = $run, u._undoOf = id, u._undoKind = 'node'
