// Writes an import's relationships, in one batch of rows {id, from, type, to, props}: props are the whole new state.
// The type comes from the RelType allow-list; both ends exist (validated, and merged first in the same transaction).
// One MERGE a type rather than `MERGE (a)-[r:$(row.type) {id: row.id}]->(b)`: with a dynamic type the planner finds
// the relationship by type (DynamicDirectedRelationshipTypeLookup: every relationship of the type, for every row),
// so a load slowed down as it grew (bench/results/2026-11-23.md). A static type between two bound ends merges by
// Expand(Into) from the end with fewer relationships. Keep the branches in step with RelType: a row of a type with no
// branch would be dropped. A row whose end is not in the store (deleted by an edit since the import checked it) finds
// no match and writes nothing: the importer compares `written` with the rows it sent and reports the difference.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CALL (a, b, row) {
  WITH a, b, row
  WHERE row.type = 'PARTY_TO'
  MERGE (a)-[r:PARTY_TO {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'PARTICIPATES_IN'
  MERGE (a)-[r:PARTICIPATES_IN {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'MEMBER_OF'
  MERGE (a)-[r:MEMBER_OF {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'PART_OF'
  MERGE (a)-[r:PART_OF {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'COOPERATES_WITH'
  MERGE (a)-[r:COOPERATES_WITH {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'FUNDS'
  MERGE (a)-[r:FUNDS {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'LANDS_IN'
  MERGE (a)-[r:LANDS_IN {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'UNDER'
  MERGE (a)-[r:UNDER {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'CONCERNS'
  MERGE (a)-[r:CONCERNS {id: row.id}]->(b)
  RETURN r
  UNION ALL
  WITH a, b, row
  WHERE row.type = 'SUPPLIES'
  MERGE (a)-[r:SUPPLIES {id: row.id}]->(b)
  RETURN r
}
SET r = row.props
RETURN count(r) AS written
