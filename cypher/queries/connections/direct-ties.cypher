// What directly ties two nodes: their edges to each other, and every node both are tied to that is an instrument,
// programme, project or cable, or a grouping both are members of. Hidden nodes and edges are never crossed.
// Only ties valid at $asOf count (null: all).
// Bounded answer: the shared nodes are read once as bare rows, sorted by name, and only the first $limit are projected
// with their edges (`through`); `total` counts them all (visible rows only).
// Parameters: $a, $b, $asOf, $limit, $grants.
MATCH (a:Entity {id: $a})
WHERE any(g IN a.access WHERE g IN $grants)
MATCH (b:Entity {id: $b})
WHERE any(g IN b.access WHERE g IN $grants)
CALL (a, b) {
  OPTIONAL MATCH (a)-[r]-(b)
  WHERE any(g IN r.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS direct
}
CALL (a, b) {
  MATCH (a)-[ra]-(v:Entity)-[rb]-(b)
  WHERE any(g IN v.access WHERE g IN $grants)
    AND any(g IN ra.access WHERE g IN $grants)
    AND any(g IN rb.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((ra.startTo IS NULL OR ra.startTo <= $asOf) AND (ra.endFrom IS NULL OR ra.endFrom > $asOf)
      AND (rb.startTo IS NULL OR rb.startTo <= $asOf) AND (rb.endFrom IS NULL OR rb.endFrom > $asOf)
      AND (v.startTo IS NULL OR v.startTo <= $asOf) AND (v.endFrom IS NULL OR v.endFrom > $asOf)))
    AND (v:Instrument OR v:Programme OR v:Project OR v:Cable OR (type(ra) = 'MEMBER_OF' AND type(rb) = 'MEMBER_OF'))
  WITH v, ra, rb
  ORDER BY v.name, v.id
  WITH collect({v: v, ra: ra, rb: rb}) AS found, count(*) AS total
  CALL (found) {
    UNWIND found[0..$limit] AS t
    WITH t.v AS v, t.ra AS ra, t.rb AS rb
    RETURN collect({
      via: v,
      edgeA: ra {.*, type: type(ra), from: startNode(ra).id, to: endNode(ra).id},
      edgeB: rb {.*, type: type(rb), from: startNode(rb).id, to: endNode(rb).id}
    }) AS through
  }
  RETURN through, total
}
RETURN a, b, direct, through, total
