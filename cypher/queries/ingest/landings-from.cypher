// The stored landings (LANDS_IN) leaving the cables an import lands: a curated cable's landing the dataset does not
// give is a conflict in the import's report. Parameters: $ids. Not a caller's read: imports are run by admins.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:LANDS_IN]->(b:Entity)
RETURN r.id AS id, a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
