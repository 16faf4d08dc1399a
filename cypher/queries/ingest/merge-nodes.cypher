// Merges curated nodes on their stable id, in one batch of rows: {id, labels, props}.
// Labels come from the Label allow-list (the validator built them), never from request text.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += row.props
