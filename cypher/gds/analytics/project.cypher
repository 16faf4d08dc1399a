// The visible actor-to-actor projection built into a Graph Data Science in-memory graph named $graphName: the same
// visible rows as cypher/queries/analytics/projection.cypher (its MATCH and WHERE lines, verbatim: a test compares
// them), as undirected pairs whose weight is how many visible ties the two actors share. The graph holds only what the
// caller may see, has a name made for this one computation, and is dropped by the service as soon as it has answered.
// `pairs` counts the pairs handed to GDS, so the service can check that the in-memory graph holds every one of them.
// Parameters: $graphName, $labels, $tieKinds, $asOf, $grants.
CALL () {
  // `v` carries no `:Entity` here (every instrument, programme, project and cable is one): with it, Neo4j 2026.08 may plan
  // the label disjunction as an OrderedUnion of IntersectionNodeByLabelsScan feeding a NodeHashJoin whose other side
  // (the Actor scan) stops after one row, and the answer silently loses ties (GdsAnalyticsIT, graph 301, 2026-12-01).
  // CypherShapesTest keeps a label and a pure label disjunction off the same variable of one MATCH.
  MATCH (v)-[r]-(a:Actor)
  WHERE (v:Instrument OR v:Programme OR v:Project OR v:Cable)
    AND ($tieKinds IS NULL OR v.kind IN $tieKinds)
    AND any(l IN labels(a) WHERE l IN $labels)
    AND any(g IN v.access WHERE g IN $grants) AND any(g IN a.access WHERE g IN $grants)
    AND any(g IN r.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)
      AND (v.startTo IS NULL OR v.startTo <= $asOf) AND (v.endFrom IS NULL OR v.endFrom > $asOf)))
  WITH v, collect(DISTINCT a) AS actors
  WHERE size(actors) > 1
  UNWIND range(0, size(actors) - 2) AS i
  UNWIND range(i + 1, size(actors) - 1) AS j
  WITH actors[i] AS a, actors[j] AS b
  RETURN CASE WHEN a.id < b.id THEN a ELSE b END AS source, CASE WHEN a.id < b.id THEN b ELSE a END AS target,
    1 AS weight
  UNION ALL
  MATCH (a:Actor)-[r:COOPERATES_WITH|MEMBER_OF|PART_OF]-(b:Actor)
  WHERE a.id < b.id
    AND $tieKinds IS NULL
    AND any(l IN labels(a) WHERE l IN $labels)
    AND any(l IN labels(b) WHERE l IN $labels)
    AND any(g IN a.access WHERE g IN $grants) AND any(g IN b.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
  RETURN a AS source, b AS target, count(r) AS weight
}
WITH source, target, sum(weight) AS weight
WITH gds.graph.project($graphName, source, target, {relationshipProperties: {weight: toFloat(weight)}},
  {undirectedRelationshipTypes: ['*']}) AS g, count(*) AS pairs
RETURN g.nodeCount AS actors, g.relationshipCount / 2 AS ties, pairs
