// The actor-to-actor projection, as groups: for each visible instrument, programme, project or cable (of the given
// kinds, valid at $asOf) the distinct visible actors of the given labels tied to it by a visible tie valid at $asOf,
// with weight 1; and for each pair of directly related visible actors, the pair with the number of such ties as weight.
// Every two actors of a group are tied with the group's weight (the service adds weights up), so a pair's weight is
// how many ties it shares. Groups instead of pairs: the answer grows with the ties, not with their squares, and the
// database neither builds nor groups the pairs (a hub instrument of n parties is one row, not n(n-1)/2).
// Parameters: $labels, $tieKinds, $asOf, $grants.
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
  WITH v, collect(DISTINCT a.id) AS actors
  WHERE size(actors) > 1
  RETURN actors, 1 AS weight
  UNION ALL
  MATCH (a:Actor)-[r:COOPERATES_WITH|MEMBER_OF|PART_OF]-(b:Actor)
  WHERE a.id < b.id
    AND $tieKinds IS NULL
    AND any(l IN labels(a) WHERE l IN $labels)
    AND any(l IN labels(b) WHERE l IN $labels)
    AND any(g IN a.access WHERE g IN $grants) AND any(g IN b.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
  RETURN [a.id, b.id] AS actors, count(r) AS weight
}
RETURN actors, weight
