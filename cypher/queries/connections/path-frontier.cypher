// One level of the bounded two-sided path search (graph.PathSearch): every step from the $frontier nodes over the
// ties and into the nodes paths.cypher may walk (the very same predicate; the two ends, $ends, are always allowed),
// one row a relationship (its element id, so that PathSearch can enumerate the paths over the relationships it has
// examined), at most $budget + 1 rows (one more than the work left says the level was cut). A hidden
// frontier node (an end the caller may not see) steps nowhere, so not even the work done depends on hidden items.
// Parameters: $frontier (ids), $ends, $kinds, $avoidKinds, $topics, $actorLabels, $avoid, $asOf, $budget, $grants.
UNWIND $frontier AS id
MATCH (y:Entity {id: id})-[r:PARTY_TO|PARTICIPATES_IN|MEMBER_OF|PART_OF|COOPERATES_WITH|FUNDS|LANDS_IN]-(x:Entity)
WHERE any(g IN y.access WHERE g IN $grants)
  AND any(g IN r.access WHERE g IN $grants)
  AND any(g IN x.access WHERE g IN $grants)
  AND NOT x.id IN $avoid
  AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)
    AND (x.startTo IS NULL OR x.startTo <= $asOf) AND (x.endFrom IS NULL OR x.endFrom > $asOf)))
  AND (x.id IN $ends
    OR (x:Actor AND ($actorLabels IS NULL OR any(l IN labels(x) WHERE l IN $actorLabels)))
    OR (NOT x:Actor
      AND ($kinds IS NULL OR x.kind IN $kinds)
      AND ($avoidKinds IS NULL OR NOT x.kind IN $avoidKinds)
      AND ($topics IS NULL OR EXISTS {
        MATCH (x)-[c:CONCERNS]->(t:Topic)
        WHERE t.id IN $topics AND any(g IN c.access WHERE g IN $grants) AND any(g IN t.access WHERE g IN $grants)
      })))
WITH id, x.id AS next, elementId(r) AS rel
LIMIT $budget + 1
RETURN id AS from, next, rel
