// Creates a tie checked by the curated data's rules between two ends the caller may see; the type comes from the
// RelType allow-list. Parameters: $from, $to, $type, $props, $grants.
MATCH (a:Entity {id: $from})
WHERE any(g IN a.access WHERE g IN $grants)
MATCH (b:Entity {id: $to})
WHERE any(g IN b.access WHERE g IN $grants)
CREATE (a)-[r:$($type)]->(b)
SET r = $props
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS edge
