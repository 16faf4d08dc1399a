// Replaces a locked tie's properties with the checked new ones (the whole set: a cleared field is gone).
// Parameters: $from, $to, $id, $props, $grants.
MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
WHERE r.id = $id
  AND any(g IN r.access WHERE g IN $grants)
SET r = $props
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS edge
