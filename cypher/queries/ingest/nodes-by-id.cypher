// The stored nodes an import names, by id: labels and every property (an import compares them with its own).
// Parameters: $ids. Not a caller's read: imports are run by admins (the command or the admin-only mutation).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
