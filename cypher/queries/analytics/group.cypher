// The ids of the visible actors that pass a filter (a group for brokerage), at most $limit.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $limit, $maxTlp.
MATCH (n:$any($labels))
WHERE n.tlpLevel <= $maxTlp
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
  AND ($sectors IS NULL OR n.sector IN $sectors)
  AND ($memberOf IS NULL OR EXISTS {
    MATCH (n)-[m:MEMBER_OF]->(g:Entity {id: $memberOf})
    WHERE m.tlpLevel <= $maxTlp AND g.tlpLevel <= $maxTlp
  })
RETURN n.id AS id
LIMIT $limit
