// How many of the given ids are nodes in the store (a streamed import takes the create-only path only at zero).
// Parameters: $ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN count(n) AS found
