// How many nodes with any of $labels pass the filters (a listing's totalCount).
// Parameters: $labels, $ids, $kinds, $statuses, $euStatus, $sectors, $memberOf, $party, $maxTlp.
MATCH (n:$any($labels))
WHERE n.tlpLevel <= $maxTlp
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
  AND ($sectors IS NULL OR n.sector IN $sectors)
  AND ($memberOf IS NULL OR EXISTS {
    MATCH (n)-[m:MEMBER_OF]->(g:Entity {id: $memberOf})
    WHERE m.tlpLevel <= $maxTlp AND g.tlpLevel <= $maxTlp
  })
  AND ($party IS NULL OR EXISTS {
    MATCH (n)-[t]-(p:Entity {id: $party})
    WHERE t.tlpLevel <= $maxTlp AND p.tlpLevel <= $maxTlp
  })
RETURN count(n) AS total
