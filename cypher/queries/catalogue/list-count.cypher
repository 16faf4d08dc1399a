// How many nodes with any of $labels pass the filters (a listing's totalCount).
// Parameters: $labels, $ids, $kinds, $statuses, $euStatus, $sectors, $memberOf, $party, $grants.
MATCH (n:$any($labels))
WHERE any(g IN n.access WHERE g IN $grants)
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
  AND ($sectors IS NULL OR n.sector IN $sectors)
  AND ($memberOf IS NULL OR EXISTS {
    MATCH (n)-[m:MEMBER_OF]->(g:Entity {id: $memberOf})
    WHERE any(g IN m.access WHERE g IN $grants) AND any(g IN g.access WHERE g IN $grants)
  })
  AND ($party IS NULL OR EXISTS {
    MATCH (n)-[t]-(p:Entity {id: $party})
    WHERE any(g IN t.access WHERE g IN $grants) AND any(g IN p.access WHERE g IN $grants)
  })
RETURN count(n) AS total
