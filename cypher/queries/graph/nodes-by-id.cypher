// Nodes by id, those the caller may see; the caller puts them back in the order asked.
// Parameters: $ids, $grants.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE any(g IN n.access WHERE g IN $grants)
RETURN n AS node
