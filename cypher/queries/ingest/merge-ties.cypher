// Merges curated relationships on their stable id, in one batch of rows: {id, from, type, to, props}.
// The type comes from the RelType allow-list; both ends exist (validated, and merged first in the same transaction).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.props
