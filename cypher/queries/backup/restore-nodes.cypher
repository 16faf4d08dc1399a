// Creates one batch of backed-up nodes with their labels and properties as they were, answering each node's new
// element id for its backup key (relationships name their ends by those keys). Runs inside the restore's one
// transaction. Parameters: $rows ({key, labels, properties}).
UNWIND $rows AS row
CREATE (n)
SET n = row.properties
SET n:$(row.labels)
RETURN row.key AS key, elementId(n) AS elementId
