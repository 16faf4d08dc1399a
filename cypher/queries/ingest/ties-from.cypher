// The stored relationships leaving the nodes an import names (an import compares them with its own ties).
// Parameters: $ids. Not a caller's read: imports are run by admins.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
RETURN r.id AS id, a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
