// Creates one batch of backed-up relationships between restored nodes (by their new element ids), with their type
// and properties as they were. Runs inside the restore's one transaction. Parameters: $rows ({start, type, end,
// properties}).
UNWIND $rows AS row
MATCH (a)
WHERE elementId(a) = row.start
MATCH (b)
WHERE elementId(b) = row.end
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(r) AS created
