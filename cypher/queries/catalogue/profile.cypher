// Everything that ties a node: each visible edge, the node at its other end and, when that node is an instrument,
// programme, project or cable, the other actors tied to it (first 50 by name, with the full count).
// Parameters: $id, $grants.
MATCH (n:Entity {id: $id})
WHERE any(g IN n.access WHERE g IN $grants)
OPTIONAL MATCH (n)-[r]-(o:Entity)
WHERE any(g IN r.access WHERE g IN $grants)
  AND any(g IN o.access WHERE g IN $grants)
CALL (n, o) {
  OPTIONAL MATCH (o)-[cr]-(c:Actor)
  WHERE (o:Instrument OR o:Programme OR o:Project OR o:Cable)
    AND c <> n
    AND any(g IN cr.access WHERE g IN $grants)
    AND any(g IN c.access WHERE g IN $grants)
  WITH c, cr
  ORDER BY c.name, c.id
  WHERE c IS NOT NULL
  RETURN collect({node: c, edge: cr {.*, type: type(cr), from: startNode(cr).id, to: endNode(cr).id}}) AS counterparts
}
WITH n, r, o, counterparts
ORDER BY type(r), o.name, o.id
RETURN n AS node,
  collect(CASE WHEN r IS NOT NULL THEN {
    edge: r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id},
    out: startNode(r) = n,
    other: o,
    counterparts: counterparts[0..50],
    counterpartCount: size(counterparts)
  } END) AS ties
