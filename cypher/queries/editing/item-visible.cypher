// Whether the caller may see a node or a tie with this id now: history's check before it answers "no changes" for
// an id with no event the caller may see (an unknown or hidden id is NOT_FOUND instead, the same answer for both).
// A tie is found from its ends, parsed from its id ($from, $to: '' when the id has no tie's form).
// Parameters: $id, $from, $to, $grants.
OPTIONAL MATCH (n:Entity {id: $id})
  WHERE any(g IN n.access WHERE g IN $grants)
OPTIONAL MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
  WHERE r.id = $id
    AND any(g IN r.access WHERE g IN $grants)
    AND any(g IN a.access WHERE g IN $grants)
    AND any(g IN b.access WHERE g IN $grants)
RETURN n IS NOT NULL OR r IS NOT NULL AS visible
LIMIT 1
