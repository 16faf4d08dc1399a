// Actors that pass the filter, each with its visible instruments of the asked kinds valid at $asOf (and its edge to
// each), in name order, at most $limit actors.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $instrumentKinds, $asOf, $limit, $grants.
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
  WITH i, r
  ORDER BY i.kind, i.name
  WHERE i IS NOT NULL
  RETURN collect({instrument: i, edge: r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}}) AS held
}
RETURN n AS actor, held
