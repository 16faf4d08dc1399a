// One node by id, when the caller may see it.
// Parameters: $id, $maxTlp.
MATCH (n:Entity {id: $id})
WHERE n.tlpLevel <= $maxTlp
RETURN n AS node
