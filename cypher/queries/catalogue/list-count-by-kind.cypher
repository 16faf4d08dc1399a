// How many nodes of any of $kinds with any of $labels pass the filters (a listing's totalCount).
// Parameters: $labels, $ids, $kinds, $statuses, $euStatus, $sectors, $memberOf, $party, $grants.
// The listing when a kind filter is given ($kinds not null; the service picks this file then): instruments and actors
// come from their kind indexes (instrument_kind, actor_kind), and only the other labels asked for (programmes,
// projects, cables: no kind index) are scanned. Without one, the plain file (one label scan under a Top) is faster.
CALL () {
  MATCH (n:Instrument)
  WHERE 'Instrument' IN $labels AND n.kind IN $kinds
    AND any(g IN n.access WHERE g IN $grants)
  RETURN n
  UNION ALL
  MATCH (n:Actor)
  WHERE n.kind IN $kinds AND any(l IN labels(n) WHERE l IN $labels)
    AND any(g IN n.access WHERE g IN $grants)
  RETURN n
  UNION ALL
  MATCH (n:$any([l IN $labels WHERE l IN ['Programme', 'Project', 'Cable']]))
  WHERE any(g IN n.access WHERE g IN $grants)
    AND n.kind IN $kinds
  RETURN n
}
WITH n
WHERE ($ids IS NULL OR n.id IN $ids)
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
