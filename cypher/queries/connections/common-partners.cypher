// The actors tied to both of two actors, and through what: each shares a visible instrument, programme, project or
// cable with the actor, or is directly related to it; only ties valid at $asOf count.
// Parameters: $a, $b, $asOf, $limit, $maxTlp.
MATCH (a:Entity {id: $a})
WHERE a.tlpLevel <= $maxTlp
MATCH (b:Entity {id: $b})
WHERE b.tlpLevel <= $maxTlp
CALL (a, b) {
  MATCH (end:Entity)-[r1]-(v:Entity)-[r2]-(x:Actor)
  WHERE end IN [a, b]
    AND (v:Instrument OR v:Programme OR v:Project OR v:Cable)
    AND x <> a AND x <> b
    AND v.tlpLevel <= $maxTlp AND x.tlpLevel <= $maxTlp AND r1.tlpLevel <= $maxTlp AND r2.tlpLevel <= $maxTlp
    AND ($asOf IS NULL OR ((r1.startTo IS NULL OR r1.startTo <= $asOf) AND (r1.endFrom IS NULL OR r1.endFrom > $asOf)
      AND (r2.startTo IS NULL OR r2.startTo <= $asOf) AND (r2.endFrom IS NULL OR r2.endFrom > $asOf)
      AND (v.startTo IS NULL OR v.startTo <= $asOf) AND (v.endFrom IS NULL OR v.endFrom > $asOf)))
  RETURN x, end = a AS withA, v AS via, r1 {.*, type: type(r1), from: startNode(r1).id, to: endNode(r1).id} AS edge
  UNION
  MATCH (end:Entity)-[r:COOPERATES_WITH|MEMBER_OF|PART_OF]-(x:Actor)
  WHERE end IN [a, b]
    AND x <> a AND x <> b
    AND x.tlpLevel <= $maxTlp AND r.tlpLevel <= $maxTlp
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
  RETURN x, end = a AS withA, null AS via, r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS edge
}
WITH x, collect(CASE WHEN withA THEN {via: via, edge: edge} END) AS throughA,
  collect(CASE WHEN NOT withA THEN {via: via, edge: edge} END) AS throughB
WHERE size(throughA) > 0 AND size(throughB) > 0
RETURN x AS partner, throughA, throughB
ORDER BY size(throughA) + size(throughB) DESC, x.name, x.id
LIMIT $limit
