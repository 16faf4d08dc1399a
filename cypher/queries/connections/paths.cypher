// The shortest distinct paths (up to 10, up to 6 relationships) between two nodes, walking only actor ties (never
// topics or sources), only visible nodes and relationships valid at $asOf, never the $avoid nodes, and crossing only
// instruments, programmes, projects and cables of allowed kinds and topics, and actors of allowed labels.
// The hop limit is the quantifier's upper bound, which must be a literal: it is run with the 6 below replaced by
// maxHops (1 to 6, CypherStatements.withHopLimit), so the search never walks further than asked.
// The service no longer sends it: its SHORTEST could walk a hub's every tie without a bound (PathSearch answers with a
// budgeted search from both ends instead). It stays as the reference for path-frontier.cypher's predicate and as the
// raw-driver baseline of bench/ (Bench.java, PathProfile.java).
// Parameters: $from, $to, $k, $kinds, $avoidKinds, $topics, $actorLabels, $avoid, $asOf, $grants.
MATCH (a:Entity {id: $from})
WHERE any(g IN a.access WHERE g IN $grants)
MATCH (b:Entity {id: $to})
WHERE any(g IN b.access WHERE g IN $grants)
  AND b <> a
MATCH p = SHORTEST 10 (a)(()-[r:PARTY_TO|PARTICIPATES_IN|MEMBER_OF|PART_OF|COOPERATES_WITH|FUNDS|LANDS_IN]-(x:Entity)
  WHERE any(g IN r.access WHERE g IN $grants)
    AND any(g IN x.access WHERE g IN $grants)
    AND NOT x.id IN $avoid
    AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)
      AND (x.startTo IS NULL OR x.startTo <= $asOf) AND (x.endFrom IS NULL OR x.endFrom > $asOf)))
    AND (x = b
      OR (x:Actor AND ($actorLabels IS NULL OR any(l IN labels(x) WHERE l IN $actorLabels)))
      OR (NOT x:Actor
        AND ($kinds IS NULL OR x.kind IN $kinds)
        AND ($avoidKinds IS NULL OR NOT x.kind IN $avoidKinds)
        AND ($topics IS NULL OR EXISTS {
          MATCH (x)-[c:CONCERNS]->(t:Topic)
          WHERE t.id IN $topics AND any(g IN c.access WHERE g IN $grants) AND any(g IN t.access WHERE g IN $grants)
        })))
){1,6}(b)
RETURN nodes(p) AS nodes,
  [rel IN relationships(p) | rel {.*, type: type(rel), from: startNode(rel).id, to: endNode(rel).id}] AS edges
ORDER BY length(p)
LIMIT $k
