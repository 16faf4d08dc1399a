// The nodes up to $depth (1 to 3) steps from a centre, walked level by level (each node once, at its nearest
// distance), through visible nodes and edges of the allowed labels and types only; nearest first, then by name, cut
// at $limit; then every visible edge among the kept nodes, cut at $edgeLimit.
// Only ties valid at $asOf count (null: all).
// Parameters: $id, $depth, $labels (or null), $types (or null), $asOf, $limit, $edgeLimit, $grants.
MATCH (c:Entity {id: $id})
WHERE any(g IN c.access WHERE g IN $grants)
CALL (c) {
  OPTIONAL MATCH (c)-[r1]-(n1:Entity)
  WHERE any(g IN r1.access WHERE g IN $grants)
    AND any(g IN n1.access WHERE g IN $grants)
    AND ($types IS NULL OR type(r1) IN $types)
    AND ($asOf IS NULL OR ((r1.startTo IS NULL OR r1.startTo <= $asOf) AND (r1.endFrom IS NULL OR r1.endFrom > $asOf)
      AND (n1.startTo IS NULL OR n1.startTo <= $asOf) AND (n1.endFrom IS NULL OR n1.endFrom > $asOf)))
    AND ($labels IS NULL OR any(l IN labels(n1) WHERE l IN $labels))
  RETURN collect(DISTINCT n1) AS level1
}
CALL (c, level1) {
  UNWIND CASE WHEN $depth >= 2 THEN level1 ELSE [] END AS x
  MATCH (x)-[r2]-(n2:Entity)
  WHERE any(g IN r2.access WHERE g IN $grants)
    AND any(g IN n2.access WHERE g IN $grants)
    AND ($types IS NULL OR type(r2) IN $types)
    AND ($asOf IS NULL OR ((r2.startTo IS NULL OR r2.startTo <= $asOf) AND (r2.endFrom IS NULL OR r2.endFrom > $asOf)
      AND (n2.startTo IS NULL OR n2.startTo <= $asOf) AND (n2.endFrom IS NULL OR n2.endFrom > $asOf)))
    AND ($labels IS NULL OR any(l IN labels(n2) WHERE l IN $labels))
    AND n2 <> c
    AND NOT n2 IN level1
  RETURN collect(DISTINCT n2) AS level2
}
CALL (c, level1, level2) {
  UNWIND CASE WHEN $depth >= 3 THEN level2 ELSE [] END AS x
  MATCH (x)-[r3]-(n3:Entity)
  WHERE any(g IN r3.access WHERE g IN $grants)
    AND any(g IN n3.access WHERE g IN $grants)
    AND ($types IS NULL OR type(r3) IN $types)
    AND ($asOf IS NULL OR ((r3.startTo IS NULL OR r3.startTo <= $asOf) AND (r3.endFrom IS NULL OR r3.endFrom > $asOf)
      AND (n3.startTo IS NULL OR n3.startTo <= $asOf) AND (n3.endFrom IS NULL OR n3.endFrom > $asOf)))
    AND ($labels IS NULL OR any(l IN labels(n3) WHERE l IN $labels))
    AND n3 <> c
    AND NOT n3 IN level1
    AND NOT n3 IN level2
  RETURN collect(DISTINCT n3) AS level3
}
WITH c, [n IN level1 | {n: n, d: 1}] + [n IN level2 | {n: n, d: 2}] + [n IN level3 | {n: n, d: 3}] AS reached
CALL (reached) {
  UNWIND reached AS item
  WITH item
  ORDER BY item.d, item.n.name, item.n.id
  RETURN collect(item.n) AS ordered
}
WITH c, [c] + ordered[0..($limit - 1)] AS kept, size(ordered) AS reachable
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r]->(y)
  WHERE y IN kept
    AND any(g IN r.access WHERE g IN $grants)
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
  WITH r
  ORDER BY r.id
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS edges
}
RETURN c AS centre,
  kept AS nodes,
  edges[0..$edgeLimit] AS edges,
  reachable - (size(kept) - 1) AS omittedNodes,
  CASE WHEN size(edges) > $edgeLimit THEN size(edges) - $edgeLimit ELSE 0 END AS omittedEdges
