// How many nodes with any of $labels pass the filters (a listing's totalCount): the listing when 'party'
// (instruments) or 'memberOf' (actors) is given.
// Expanded from that anchor (its visible ties, or its visible members), not by checking every node of the labels for
// a tie to it: at L the check read every instrument (actor) for each page and count, 3-5 s of CPU for a hub party
// or a region, where the anchor's own ties are a few thousand at most (bench/results/2026-12-01-hotshapes.md).
// The same filters, visibility included, as the plain listing; a missing or hidden anchor lists nothing.
// Parameters: $labels, $ids, $kinds, $statuses, $euStatus, $sectors, $memberOf, $party, $grants.
MATCH (anchor:Entity {id: coalesce($party, $memberOf)})
WHERE any(g IN anchor.access WHERE g IN $grants)
CALL (anchor) {
  // an instrument tied to the party by any visible relationship, in either direction
  MATCH (anchor)-[t]-(n:$any($labels))
  WHERE $party IS NOT NULL
    AND any(g IN t.access WHERE g IN $grants)
  RETURN n
  UNION
  // a direct member of the group
  MATCH (anchor)<-[m:MEMBER_OF]-(n:$any($labels))
  WHERE $party IS NULL
    AND any(g IN m.access WHERE g IN $grants)
  RETURN n
}
WITH n
WHERE any(g IN n.access WHERE g IN $grants)
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($kinds IS NULL OR n.kind IN $kinds)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($euStatus IS NULL OR n.euStatus IN $euStatus)
  AND ($sectors IS NULL OR n.sector IN $sectors)
  // both anchors given (no field takes both today): the party is expanded, membership checked
  AND ($party IS NULL OR $memberOf IS NULL OR EXISTS {
    MATCH (n)-[m:MEMBER_OF]->(g:Entity {id: $memberOf})
    WHERE any(g IN m.access WHERE g IN $grants) AND any(g IN g.access WHERE g IN $grants)
  })
RETURN count(n) AS total
