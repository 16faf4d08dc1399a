// Deletes relationships a failed streamed import created.
// Parameters: $rows {id, from}.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r]->()
WHERE r.id = row.id
DELETE r
