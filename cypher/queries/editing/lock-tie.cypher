// Takes a tie for an update or removal: the tie and its ends as the caller may see them, the tie write-locked and
// read after the lock, with its ends' labels (the rules check it against them). Parameters: $from, $to, $id, $grants.
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE r.id = $id
  AND any(g IN r.access WHERE g IN $grants)
  AND any(g IN a.access WHERE g IN $grants)
  AND any(g IN b.access WHERE g IN $grants)
SET r.lockedForUpdate = true
REMOVE r.lockedForUpdate
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS edge, labels(a) AS fromLabels, labels(b) AS toLabels
