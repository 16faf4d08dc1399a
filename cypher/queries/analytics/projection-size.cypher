// How many rows the projection statement (projection.cypher) would read, counted up to $budget + 1: the visible ties
// of actors of the given labels to visible instruments, programmes, projects and cables (of the given kinds, valid at
// $asOf), plus the visible direct relationships among such actors. The same predicates as the projection, so the
// count is of visible rows only and says nothing about hidden ties. LIMIT streams: the count stops once it is over.
// Parameters: $labels, $tieKinds, $asOf, $budget, $grants.
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
  RETURN 1 AS row
  UNION ALL
  MATCH (a:Actor)-[r:COOPERATES_WITH|MEMBER_OF|PART_OF]-(b:Actor)
  WHERE a.id < b.id
    AND $tieKinds IS NULL
    AND any(l IN labels(a) WHERE l IN $labels)
    AND any(l IN labels(b) WHERE l IN $labels)
    AND any(g IN a.access WHERE g IN $grants) AND any(g IN b.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
  RETURN 1 AS row
}
WITH row
LIMIT $budget + 1
RETURN count(row) AS rows
