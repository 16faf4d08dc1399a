// Puts back, a slice at a time, the nodes and relationships a failed streamed import updated, from their ImportUndo
// copies, and deletes the copies. Parameters: $run, $limit.
MATCH (u:ImportUndo {_undoRun: $run})
WITH u
LIMIT $limit
CALL (u) {
  MATCH (n:Entity {id: u._undoOf})
  WHERE u._undoKind = 'node'
  SET n = properties(u)
  REMOVE n._undoRun, n._undoOf, n._undoKind
}
CALL (u) {
  MATCH (a:Entity {id: u._undoFrom})-[r]->()
  WHERE u._undoKind = 'tie' AND r.id = u._undoOf
  SET r = properties(u)
  REMOVE r._undoRun, r._undoOf, r._undoKind, r._undoFrom
}
DELETE u
RETURN count(u) AS done
