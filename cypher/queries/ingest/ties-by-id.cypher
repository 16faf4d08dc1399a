// The stored relationships an import's ties name, by id between their two ends (an import compares them with its own).
// Parameters: $rows {id, from, to}. Both ends are unique-index seeks and the relationship is found by Expand(Into)
// from the end with fewer relationships, so a hub end (a country, the EU) costs no more than a leaf.
// Not a caller's read: imports are run by admins (the command or the admin-only mutation).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
WHERE r.id = row.id
RETURN r.id AS id, a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
