// Writes an import's nodes, in one batch of rows {id, labels, props}: props are the node's whole new state (version
// included), computed by the importer from the stored one. Labels come from the Label allow-list.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n = row.props
