// Creates a streamed import's relationships, each touching a node the same import created (so none can exist yet),
// in one batch of rows {id, from, type, to, props}. The type comes from the RelType allow-list; a dynamic type costs
// nothing in CREATE (the cost of `$(...)` in MERGE is the lookup, which CREATE does not make).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
