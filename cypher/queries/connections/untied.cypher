// Actors that pass the first filter and have no visible tie, valid at $asOf, to any actor that passes the other
// filter: neither directly nor through a shared instrument, programme, project or cable. At most $limit, by name.
// Walked from the other side: every actor tied to one passing the other filter is found once (`tied`), and the
// answer is the first filter's actors not among them. Bounded work: that walk stops at $budget + 1 visible rows (one
// row a tie from an actor of the other filter to an actor; LIMIT streams), and then `cut` is true and no actor is
// answered, as a list from part of the ties would name tied actors as untied. The rows counted are visible ones only,
// so whether a question is cut says nothing about hidden ties.
// Either side's actors, with its 'memberOf', are expanded from that group (its visible members), not found by checking
// every actor of the labels for a membership (at L that check read every actor); a missing or hidden group has none.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $otherLabels, $otherIds, $otherKinds,
// $otherMemberOf, $otherEuStatus, $otherSectors, $asOf, $limit, $budget, $grants.
CALL () {
  CALL () {
    // no group: the labels are scanned (with a group, $any([]) scans nothing)
    MATCH (o:$any(CASE WHEN $otherMemberOf IS NULL THEN $otherLabels ELSE [] END))
    RETURN o
    UNION
    // a group: its visible direct members (an id of null finds no group)
    MATCH (group:Entity {id: $otherMemberOf})<-[m:MEMBER_OF]-(o:$any($otherLabels))
    WHERE any(g IN group.access WHERE g IN $grants) AND any(g IN m.access WHERE g IN $grants)
    RETURN o
  }
  WITH o
  WHERE any(g IN o.access WHERE g IN $grants)
    AND ($otherIds IS NULL OR o.id IN $otherIds)
    AND ($otherKinds IS NULL OR o.kind IN $otherKinds)
    AND ($otherEuStatus IS NULL OR o.euStatus IN $otherEuStatus)
    AND ($otherSectors IS NULL OR o.sector IN $otherSectors)
  CALL (o) {
    // no `:Entity` on `v` beside its label disjunction: see analytics/projection.cypher
    MATCH (o)-[r2]-(v)-[r1]-(n:Actor)
    WHERE (v:Instrument OR v:Programme OR v:Project OR v:Cable)
      AND n <> o
      AND any(g IN v.access WHERE g IN $grants) AND any(g IN n.access WHERE g IN $grants)
      AND any(g IN r1.access WHERE g IN $grants) AND any(g IN r2.access WHERE g IN $grants)
      AND ($asOf IS NULL OR ((r1.startTo IS NULL OR r1.startTo <= $asOf) AND (r1.endFrom IS NULL OR r1.endFrom > $asOf)
        AND (r2.startTo IS NULL OR r2.startTo <= $asOf) AND (r2.endFrom IS NULL OR r2.endFrom > $asOf)
        AND (v.startTo IS NULL OR v.startTo <= $asOf) AND (v.endFrom IS NULL OR v.endFrom > $asOf)))
    RETURN n
    UNION ALL
    MATCH (o)-[r:COOPERATES_WITH|MEMBER_OF|PART_OF]-(n:Actor)
    WHERE any(g IN n.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
    RETURN n
  }
  WITH n
  LIMIT $budget + 1
  RETURN collect(DISTINCT n) AS tied, count(n) > $budget AS cut
}
CALL (tied, cut) {
  CALL (cut) {
    MATCH (n:$any(CASE WHEN $memberOf IS NULL AND NOT cut THEN $labels ELSE [] END))
    RETURN n
    UNION
    MATCH (group:Entity {id: $memberOf})<-[m:MEMBER_OF]-(n:$any($labels))
    WHERE NOT cut
      AND any(g IN group.access WHERE g IN $grants) AND any(g IN m.access WHERE g IN $grants)
    RETURN n
  }
  WITH n, tied
  WHERE any(g IN n.access WHERE g IN $grants)
    AND ($ids IS NULL OR n.id IN $ids)
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
    AND ($sectors IS NULL OR n.sector IN $sectors)
    AND NOT n IN tied
  WITH n
  ORDER BY n.name, n.id
  LIMIT $limit
  RETURN collect(n) AS actors
}
RETURN cut, actors
