// Actors that pass the filter, each with its visible instruments of the asked kinds valid at $asOf (and its edge to
// each), in name order, at most $limit actors: one row an actor (in name order) with the instruments it holds of the
// asked kinds, in one list `found`.
// The actors: with 'memberOf', expanded from that group (its visible members), not by checking every actor of the
// labels for a membership (at L that check read every actor, 0.35-0.96 s of CPU, where a group has a few thousand
// members at most); without it, a scan of the labels. A missing or hidden group has no members.
// Bounded work: the actors' visible instrument ties are read actor by actor, in name order, whatever their kind or
// dates, and stop at $budget + 1 (the walk is lazy: LIMIT streams), so the work is the budget's, not actors x kinds
// (a kind asked for that few instruments have would otherwise read hubs' every tie for nothing). Then `cut` is true
// and the last actor's instruments may be incomplete (the service leaves that row out: every row answered is whole).
// An actor without visible ties counts one row. The rows counted are visible ones only, so whether a question is cut
// says nothing about hidden ties.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $instrumentKinds, $asOf, $limit, $budget,
// $grants.
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
