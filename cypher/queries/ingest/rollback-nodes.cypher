// Deletes nodes a failed streamed import created (with any relationship to them).
// Parameters: $ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
