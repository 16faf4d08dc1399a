// Actors that pass the filter, each with its visible instruments of the asked kinds valid at $asOf (and its edge to
// each), in name order, at most $limit actors: one row an actor and instrument (one with a null instrument for an
// actor with none), actors in order, in one list `found`.
// Bounded work: the rows stop at $budget + 1 (the walk is lazy: LIMIT streams), and then `cut` is true and the last
// actor's instruments may be incomplete (the service leaves that row out: every row answered is whole). The rows
// counted are visible ones only, so whether a question is cut says nothing about hidden ties.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $instrumentKinds, $asOf, $limit, $budget,
// $grants.
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
WITH n
ORDER BY n.name, n.id
LIMIT $limit
CALL (n) {
  OPTIONAL MATCH (n)-[r:PARTY_TO]->(i:Instrument)
  WHERE i.kind IN $instrumentKinds
    AND any(g IN i.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)
      AND (i.startTo IS NULL OR i.startTo <= $asOf) AND (i.endFrom IS NULL OR i.endFrom > $asOf)))
  // not sorted here (the service sorts each cell): a sort would read a hub's every instrument before the budget
  RETURN i, r
}
WITH n, i, r
LIMIT $budget + 1
WITH collect({actor: n, instrument: i,
  edge: CASE WHEN r IS NULL THEN null ELSE r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} END}) AS found
RETURN found, size(found) > $budget AS cut
