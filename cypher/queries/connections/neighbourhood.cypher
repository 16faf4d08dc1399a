// The nodes up to $depth (1 to 3) steps from a centre, walked level by level (each node once, at its nearest
// distance), through visible nodes and edges of the allowed labels and types only; nearest first, then by name, cut
// at $limit; then every visible edge among the kept nodes, cut at $edgeLimit.
// Only ties valid at $asOf count (null: all).
// Bounded work: each level stops once it has found $budget + 1 distinct visible nodes (the walk is lazy: DISTINCT
// and LIMIT stream, so a hub's level is not read whole), and a level is not walked at all once a nearer one was cut
// (the nearer one fills the limit: $budget >= $limit). omittedNodes is exact while no level was cut
// (omittedNodesExact); otherwise it counts the nodes found and is a lower bound. Counts and the cut are over visible
// nodes only, so they say nothing about hidden ones. A level's kept nodes are the first by name among those found.
// A node's own checks run once per node, not once per tie reaching it; only a level's first $limit - 1 by name are
// sorted (Top, not Sort), and a level is not sorted at all when nearer levels fill the limit. Edges among the kept
// nodes are found from the end with fewer ties in their direction (a node with more than 100 is a hub): a hub is
// never scanned for them, except that edges from hubs into hubs are read from whichever hub side has fewer ties in
// total.
// Parameters: $id, $depth, $labels (or null), $types (or null), $asOf, $limit, $edgeLimit, $budget, $grants.
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
  WITH DISTINCT n1
  LIMIT $budget + 1
  RETURN collect(n1) AS found1
}
WITH c, found1[0..$budget] AS level1, size(found1) > $budget AS cut1
CALL (c, level1, cut1) {
  UNWIND CASE WHEN $depth >= 2 AND NOT cut1 THEN level1 ELSE [] END AS x
  MATCH (x)-[r2]-(n2)
  WHERE any(g IN r2.access WHERE g IN $grants)
    AND ($types IS NULL OR type(r2) IN $types)
    AND ($asOf IS NULL OR ((r2.startTo IS NULL OR r2.startTo <= $asOf) AND (r2.endFrom IS NULL OR r2.endFrom > $asOf)))
  // Many ties lead to the same node: its own checks run once a node.
  WITH DISTINCT n2
  WHERE n2:Entity
    AND any(g IN n2.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((n2.startTo IS NULL OR n2.startTo <= $asOf) AND (n2.endFrom IS NULL OR n2.endFrom > $asOf)))
    AND ($labels IS NULL OR any(l IN labels(n2) WHERE l IN $labels))
    AND n2 <> c
    AND NOT n2 IN level1
  WITH n2
  LIMIT $budget + 1
  RETURN collect(n2) AS found2
}
WITH c, level1, cut1, found2[0..$budget] AS level2, size(found2) > $budget AS cut2
CALL (c, level1, level2, cut2) {
  UNWIND CASE WHEN $depth >= 3 AND NOT cut2 THEN level2 ELSE [] END AS x
  MATCH (x)-[r3]-(n3)
  WHERE any(g IN r3.access WHERE g IN $grants)
    AND ($types IS NULL OR type(r3) IN $types)
    AND ($asOf IS NULL OR ((r3.startTo IS NULL OR r3.startTo <= $asOf) AND (r3.endFrom IS NULL OR r3.endFrom > $asOf)))
  // Many ties lead to the same node: its own checks run once a node.
  WITH DISTINCT n3
  WHERE n3:Entity
    AND any(g IN n3.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((n3.startTo IS NULL OR n3.startTo <= $asOf) AND (n3.endFrom IS NULL OR n3.endFrom > $asOf)))
    AND ($labels IS NULL OR any(l IN labels(n3) WHERE l IN $labels))
    AND n3 <> c
    AND NOT n3 IN level1
    AND NOT n3 IN level2
  WITH n3
  LIMIT $budget + 1
  RETURN collect(n3) AS found3
}
WITH c, level1, level2, found3[0..$budget] AS level3,
  NOT (cut1 OR cut2 OR size(found3) > $budget) AS exact
CALL (level1) {
  UNWIND level1 AS n
  WITH n
  ORDER BY n.name, n.id
  LIMIT $limit - 1
  RETURN collect(n) AS first1
}
CALL (level2, first1) {
  UNWIND CASE WHEN size(first1) < $limit - 1 THEN level2 ELSE [] END AS n
  WITH n
  ORDER BY n.name, n.id
  LIMIT $limit - 1
  RETURN collect(n) AS first2
}
CALL (level3, first1, first2) {
  UNWIND CASE WHEN size(first1) + size(first2) < $limit - 1 THEN level3 ELSE [] END AS n
  WITH n
  ORDER BY n.name, n.id
  LIMIT $limit - 1
  RETURN collect(n) AS first3
}
WITH c, [c] + (first1 + first2 + first3)[0..($limit - 1)] AS kept,
  size(level1) + size(level2) + size(level3) AS reachable, exact
CALL (kept) {
  UNWIND kept AS x
  WITH kept, x, COUNT { (x)-->() } AS outDegree, COUNT { (x)<--() } AS inDegree
  WITH kept,
    collect(CASE WHEN outDegree <= 100 THEN x END) AS outScan,
    collect(CASE WHEN outDegree > 100 THEN x END) AS outHeavy,
    collect(CASE WHEN inDegree <= 100 THEN x END) AS inScan,
    collect(CASE WHEN inDegree > 100 THEN x END) AS inHeavy,
    sum(CASE WHEN outDegree > 100 THEN outDegree ELSE 0 END) AS outHeavyDegree,
    sum(CASE WHEN inDegree > 100 THEN inDegree ELSE 0 END) AS inHeavyDegree
  CALL (kept, outScan, outHeavy, inScan, inHeavy, outHeavyDegree, inHeavyDegree) {
    UNWIND outScan AS x
    MATCH (x)-[r]->(y)
    WHERE y IN kept
      AND any(g IN r.access WHERE g IN $grants)
      AND ($types IS NULL OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
    RETURN r
    UNION ALL
    UNWIND inScan AS y
    MATCH (x)-[r]->(y)
    WHERE x IN outHeavy
      AND any(g IN r.access WHERE g IN $grants)
      AND ($types IS NULL OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
    RETURN r
    UNION ALL
    UNWIND CASE WHEN outHeavyDegree <= inHeavyDegree THEN outHeavy ELSE [] END AS x
    MATCH (x)-[r]->(y)
    WHERE y IN inHeavy
      AND any(g IN r.access WHERE g IN $grants)
      AND ($types IS NULL OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
    RETURN r
    UNION ALL
    UNWIND CASE WHEN outHeavyDegree > inHeavyDegree THEN inHeavy ELSE [] END AS y
    MATCH (x)-[r]->(y)
    WHERE x IN outHeavy
      AND any(g IN r.access WHERE g IN $grants)
      AND ($types IS NULL OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
    RETURN r
  }
  WITH r
  ORDER BY r.id
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS edges
}
RETURN c AS centre,
  kept AS nodes,
  edges[0..$edgeLimit] AS edges,
  reachable - (size(kept) - 1) AS omittedNodes,
  exact AS omittedNodesExact,
  CASE WHEN size(edges) > $edgeLimit THEN size(edges) - $edgeLimit ELSE 0 END AS omittedEdges
