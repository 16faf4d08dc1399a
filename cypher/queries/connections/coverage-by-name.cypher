// The coverage matrix (coverage.cypher) when its actors are many and not from a group: organisations among the
// labels, no 'memberOf' and no 'ids' (the service picks this file then). The actors come from the entity_name index
// in name order, checked one by one until $limit pass, instead of a scan of the labels sorted whole: at L the sort
// of every actor read 350k db hits before the first row, where the ordered index reads a few thousand entries when
// the filter lets most actors through (bench/results/2026-12-01-worst.md). A narrow filter reads at most every entry
// of the index (about what the scan and sort read); without organisations the labels are few, and the scan is better.
// The same filters, visibility included, the same rows, budget and cut as coverage.cypher.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $instrumentKinds, $asOf, $limit, $budget,
// $grants.
MATCH (n:Entity)
WHERE n.name IS NOT NULL AND n.id IS NOT NULL
  AND any(l IN labels(n) WHERE l IN $labels)
  AND any(g IN n.access WHERE g IN $grants)
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
  AND ($sectors IS NULL OR n.sector IN $sectors)
  AND ($memberOf IS NULL OR EXISTS {
    MATCH (n)-[m:MEMBER_OF]->(group:Entity {id: $memberOf})
    WHERE any(g IN m.access WHERE g IN $grants) AND any(g IN group.access WHERE g IN $grants)
  })
WITH n
ORDER BY n.name, n.id
LIMIT $limit
CALL (n) {
  OPTIONAL MATCH (n)-[r:PARTY_TO]->(i:Instrument)
  WHERE any(g IN i.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
  // not sorted here (the service sorts each cell): a sort would read a hub's every instrument before the budget
  RETURN i, r
}
WITH n, i, r
LIMIT $budget + 1
// only now the kinds and dates: every visible tie read counts, kept or not
WITH n, CASE WHEN i.kind IN $instrumentKinds
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)
      AND (i.startTo IS NULL OR i.startTo <= $asOf) AND (i.endFrom IS NULL OR i.endFrom > $asOf)))
  THEN {instrument: i, edge: r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}} END AS held
WITH n, collect(held) AS held, count(*) AS read
ORDER BY n.name, n.id
RETURN collect({actor: n, held: held}) AS found, sum(read) > $budget AS cut
