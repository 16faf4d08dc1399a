// The actors tied to both of two actors, and through what: each shares a visible instrument, programme, project or
// cable with the actor, or is directly related to it; only ties valid at $asOf count.
// Bounded work: the ties found from both ends (one row a tie from an end to a partner) stop at $budget + 1 visible
// rows (the walk is lazy: LIMIT streams), and then `cut` is true and no partner is answered, as a ranking of part of
// the ties would be wrong. The rows counted are visible ones only, so whether a question is cut says nothing about
// hidden ties. Partners are ranked on the rows first; the edges are read out for the $limit kept ones only.
// Parameters: $a, $b, $asOf, $limit, $budget, $grants.
MATCH (a:Entity {id: $a})
WHERE any(g IN a.access WHERE g IN $grants)
MATCH (b:Entity {id: $b})
WHERE any(g IN b.access WHERE g IN $grants)
CALL (a, b) {
  CALL (a, b) {
    // Each end is bound before the pattern is matched: with `MATCH (end)... WHERE end IN [a, b]` a plan compiled on
    // another graph answered nothing for some graphs (VisibilityDifferentialIT, seed 900667544 after ConnectivityIT).
    UNWIND [a, b] AS end
    // no `:Entity` on `v` beside its label disjunction: see analytics/projection.cypher
    MATCH (end)-[r1]-(v)-[r2]-(x:Actor)
    WHERE (v:Instrument OR v:Programme OR v:Project OR v:Cable)
      AND x <> a AND x <> b
      AND any(g IN v.access WHERE g IN $grants) AND any(g IN x.access WHERE g IN $grants) AND any(g IN r1.access WHERE g IN $grants) AND any(g IN r2.access WHERE g IN $grants)
      AND ($asOf IS NULL OR ((r1.startTo IS NULL OR r1.startTo <= $asOf) AND (r1.endFrom IS NULL OR r1.endFrom > $asOf)
        AND (r2.startTo IS NULL OR r2.startTo <= $asOf) AND (r2.endFrom IS NULL OR r2.endFrom > $asOf)
        AND (v.startTo IS NULL OR v.startTo <= $asOf) AND (v.endFrom IS NULL OR v.endFrom > $asOf)))
    RETURN x, end = a AS withA, v AS via, r1 AS r
    UNION
    UNWIND [a, b] AS end
    MATCH (end)-[r:COOPERATES_WITH|MEMBER_OF|PART_OF]-(x:Actor)
    WHERE x <> a AND x <> b
      AND any(g IN x.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
    RETURN x, end = a AS withA, null AS via, r
  }
  WITH x, withA, via, r
  LIMIT $budget + 1
  RETURN collect({x: x, withA: withA, via: via, r: r}) AS found
}
WITH size(found) > $budget AS cut, CASE WHEN size(found) > $budget THEN [] ELSE found END AS found
CALL (found) {
  UNWIND found AS f
  WITH f.x AS x, collect(CASE WHEN f.withA THEN f END) AS throughA, collect(CASE WHEN NOT f.withA THEN f END) AS throughB
  WHERE size(throughA) > 0 AND size(throughB) > 0
  WITH x, throughA, throughB
  ORDER BY size(throughA) + size(throughB) DESC, x.name, x.id
  LIMIT $limit
  CALL (throughA) {
    UNWIND throughA AS t
    WITH t.via AS via, t.r AS r
    RETURN collect({via: via, edge: r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}}) AS edgesA
  }
  CALL (throughB) {
    UNWIND throughB AS t
    WITH t.via AS via, t.r AS r
    RETURN collect({via: via, edge: r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}}) AS edgesB
  }
  RETURN collect({partner: x, throughA: edgesA, throughB: edgesB}) AS partners
}
RETURN cut, partners
