// The ids of the visible actors that pass a filter (a group for brokerage), at most $limit.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $limit, $grants.
MATCH (n:$any($labels))
WHERE any(g IN n.access WHERE g IN $grants)
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
  AND ($sectors IS NULL OR n.sector IN $sectors)
  AND ($memberOf IS NULL OR EXISTS {
    MATCH (n)-[m:MEMBER_OF]->(g:Entity {id: $memberOf})
    WHERE any(g IN m.access WHERE g IN $grants) AND any(g IN g.access WHERE g IN $grants)
  })
RETURN n.id AS id
LIMIT $limit
