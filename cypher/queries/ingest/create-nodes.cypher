// Creates a streamed import's nodes in an empty store (none of the import's ids exists: checked first), in one batch
// of rows {id, labels, props}: CREATE, not MERGE, so no row looks anything up. Labels come from the Label allow-list.
UNWIND $rows AS row
CREATE (n:Entity)
SET n:$(row.labels)
SET n = row.props
