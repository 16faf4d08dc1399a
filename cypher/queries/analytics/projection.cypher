// The actor-to-actor projection: pairs of visible actors of the given labels that share a visible instrument,
// programme, project or cable (of the given kinds) or are directly related, with ties valid at $asOf; the weight is
// how many ties a pair shares. Each pair once (a.id < b.id).
// Parameters: $labels, $tieKinds, $asOf, $grants.
CALL () {
  MATCH (a:Actor)-[ra]-(v:Entity)-[rb]-(b:Actor)
  WHERE (v:Instrument OR v:Programme OR v:Project OR v:Cable)
    AND a.id < b.id
    AND any(l IN labels(a) WHERE l IN $labels)
    AND any(l IN labels(b) WHERE l IN $labels)
    AND ($tieKinds IS NULL OR v.kind IN $tieKinds)
    AND any(g IN a.access WHERE g IN $grants) AND any(g IN b.access WHERE g IN $grants) AND any(g IN v.access WHERE g IN $grants)
    AND any(g IN ra.access WHERE g IN $grants) AND any(g IN rb.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((ra.startTo IS NULL OR ra.startTo <= $asOf) AND (ra.endFrom IS NULL OR ra.endFrom > $asOf)
      AND (rb.startTo IS NULL OR rb.startTo <= $asOf) AND (rb.endFrom IS NULL OR rb.endFrom > $asOf)
      AND (v.startTo IS NULL OR v.startTo <= $asOf) AND (v.endFrom IS NULL OR v.endFrom > $asOf)))
  RETURN a.id AS a, b.id AS b, count(DISTINCT v) AS weight
  UNION ALL
  MATCH (a:Actor)-[r:COOPERATES_WITH|MEMBER_OF|PART_OF]-(b:Actor)
  WHERE a.id < b.id
    AND $tieKinds IS NULL
    AND any(l IN labels(a) WHERE l IN $labels)
    AND any(l IN labels(b) WHERE l IN $labels)
    AND any(g IN a.access WHERE g IN $grants) AND any(g IN b.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
  RETURN a.id AS a, b.id AS b, count(r) AS weight
}
RETURN a, b, sum(weight) AS weight
