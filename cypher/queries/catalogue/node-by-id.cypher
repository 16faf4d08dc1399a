// One node by id, when the caller may see it.
// Parameters: $id, $grants.
MATCH (n:Entity {id: $id})
WHERE any(g IN n.access WHERE g IN $grants)
RETURN n AS node
