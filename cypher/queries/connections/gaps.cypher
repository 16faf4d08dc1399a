// Actors that pass the filter, are party to a visible instrument of every kind in $has and of none in $lacks (valid
// at $asOf); with the instruments of the $has kinds as evidence. At most $limit, in name order.
// The actors: with 'memberOf', expanded from that group (its visible members), not by checking every actor of the
// labels for a membership (at L that check read every actor); without it, a scan of the labels. A missing or hidden
// group has no members.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $has, $lacks, $asOf, $limit, $grants.
CALL () {
  // no group: the labels are scanned (with a group, $any([]) scans nothing)
  MATCH (n:$any(CASE WHEN $memberOf IS NULL THEN $labels ELSE [] END))
  RETURN n
  UNION
  // a group: its visible direct members (an id of null finds no group)
  MATCH (group:Entity {id: $memberOf})<-[m:MEMBER_OF]-(n:$any($labels))
  WHERE any(g IN group.access WHERE g IN $grants) AND any(g IN m.access WHERE g IN $grants)
  RETURN n
}
WITH n
WHERE any(g IN n.access WHERE g IN $grants)
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
  AND ($sectors IS NULL OR n.sector IN $sectors)
  AND all(kind IN $has WHERE EXISTS {
    MATCH (n)-[r:PARTY_TO]->(i:Instrument {kind: kind})
    WHERE any(g IN i.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)
        AND (i.startTo IS NULL OR i.startTo <= $asOf) AND (i.endFrom IS NULL OR i.endFrom > $asOf)))
  })
  AND NOT EXISTS {
    MATCH (n)-[r:PARTY_TO]->(i:Instrument)
    WHERE i.kind IN $lacks
      AND any(g IN i.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)
        AND (i.startTo IS NULL OR i.startTo <= $asOf) AND (i.endFrom IS NULL OR i.endFrom > $asOf)))
  }
WITH n
ORDER BY n.name, n.id
LIMIT $limit
CALL (n) {
  OPTIONAL MATCH (n)-[r:PARTY_TO]->(i:Instrument)
  WHERE i.kind IN $has
    AND any(g IN i.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)
      AND (i.startTo IS NULL OR i.startTo <= $asOf) AND (i.endFrom IS NULL OR i.endFrom > $asOf)))
  WITH i, r
  ORDER BY i.kind, i.name
  WHERE i IS NOT NULL
  RETURN collect({instrument: i, edge: r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}}) AS held
}
RETURN n AS actor, held
