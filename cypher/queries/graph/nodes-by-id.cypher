// Nodes by id, those the caller may see; the caller puts them back in the order asked.
// Parameters: $ids, $maxTlp.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.tlpLevel <= $maxTlp
RETURN n AS node
