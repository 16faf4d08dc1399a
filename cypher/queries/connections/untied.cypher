// Actors that pass the first filter and have no visible tie, valid at $asOf, to any actor that passes the other
// filter: neither directly nor through a shared instrument, programme, project or cable. At most $limit, by name.
// Parameters: $labels, $ids, $kinds, $memberOf, $euStatus, $sectors, $otherLabels, $otherIds, $otherKinds,
// $otherMemberOf, $otherEuStatus, $otherSectors, $asOf, $limit, $grants.
MATCH (n:$any($labels))
WHERE any(g IN n.access WHERE g IN $grants)
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
  AND ($sectors IS NULL OR n.sector IN $sectors)
  AND ($memberOf IS NULL OR EXISTS {
    MATCH (n)-[m:MEMBER_OF]->(g:Entity {id: $memberOf})
    WHERE any(g IN m.access WHERE g IN $grants) AND any(g IN g.access WHERE g IN $grants)
  })
  AND NOT EXISTS {
    MATCH (n)-[r1]-(v:Entity)-[r2]-(o:Actor)
    WHERE (v:Instrument OR v:Programme OR v:Project OR v:Cable)
      AND o <> n
      AND any(g IN o.access WHERE g IN $grants) AND any(g IN v.access WHERE g IN $grants) AND any(g IN r1.access WHERE g IN $grants) AND any(g IN r2.access WHERE g IN $grants)
      AND ($asOf IS NULL OR ((r1.startTo IS NULL OR r1.startTo <= $asOf) AND (r1.endFrom IS NULL OR r1.endFrom > $asOf)
        AND (r2.startTo IS NULL OR r2.startTo <= $asOf) AND (r2.endFrom IS NULL OR r2.endFrom > $asOf)
        AND (v.startTo IS NULL OR v.startTo <= $asOf) AND (v.endFrom IS NULL OR v.endFrom > $asOf)))
      AND any(l IN labels(o) WHERE l IN $otherLabels)
      AND ($otherIds IS NULL OR o.id IN $otherIds)
      AND ($otherKinds IS NULL OR o.kind IN $otherKinds)
      AND ($otherEuStatus IS NULL OR o.euStatus IN $otherEuStatus)
      AND ($otherSectors IS NULL OR o.sector IN $otherSectors)
      AND ($otherMemberOf IS NULL OR EXISTS {
        MATCH (o)-[m2:MEMBER_OF]->(g2:Entity {id: $otherMemberOf})
        WHERE any(g IN m2.access WHERE g IN $grants) AND any(g IN g2.access WHERE g IN $grants)
      })
  }
  AND NOT EXISTS {
    MATCH (n)-[r:COOPERATES_WITH|MEMBER_OF|PART_OF]-(o:Actor)
    WHERE any(g IN o.access WHERE g IN $grants) AND any(g IN r.access WHERE g IN $grants)
      AND ($asOf IS NULL OR ((r.startTo IS NULL OR r.startTo <= $asOf) AND (r.endFrom IS NULL OR r.endFrom > $asOf)))
      AND any(l IN labels(o) WHERE l IN $otherLabels)
      AND ($otherIds IS NULL OR o.id IN $otherIds)
      AND ($otherKinds IS NULL OR o.kind IN $otherKinds)
      AND ($otherEuStatus IS NULL OR o.euStatus IN $otherEuStatus)
      AND ($otherSectors IS NULL OR o.sector IN $otherSectors)
      AND ($otherMemberOf IS NULL OR EXISTS {
        MATCH (o)-[m3:MEMBER_OF]->(g3:Entity {id: $otherMemberOf})
        WHERE any(g IN m3.access WHERE g IN $grants) AND any(g IN g3.access WHERE g IN $grants)
      })
  }
RETURN n AS actor
ORDER BY n.name, n.id
LIMIT $limit
