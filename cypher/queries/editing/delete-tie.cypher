// Removes a locked tie (the caller saw it when it locked it; the removal's audit event keeps its last state).
// Parameters: $from, $to, $id, $grants.
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE r.id = $id
  AND any(g IN r.access WHERE g IN $grants)
DELETE r
