// The dated events of a node: its own start and end, the start and end of each of its visible relationships, and
// those of the instruments, programmes, projects and cables it is tied to; in date order (earliest possible day).
// A visible node without dated events answers an empty list (OPTIONAL CALL keeps the row), never no row: no row
// means a missing or hidden node.
// Parameters: $id, $grants.
MATCH (n:Entity {id: $id})
WHERE any(g IN n.access WHERE g IN $grants)
OPTIONAL CALL (n) {
  UNWIND [['STARTED', n.start, n.startFrom, n.startTo], ['ENDED', n.end, n.endFrom, n.endTo]] AS d
  WITH d
  WHERE d[1] IS NOT NULL
  RETURN {kind: d[0], date: d[1], earliest: d[2], latest: d[3], node: n, edge: null} AS event
  UNION
  MATCH (n)-[r]-(o:Entity)
  WHERE any(g IN r.access WHERE g IN $grants)
    AND any(g IN o.access WHERE g IN $grants)
  UNWIND [['STARTED', r.start, r.startFrom, r.startTo], ['ENDED', r.end, r.endFrom, r.endTo]] AS d
  WITH o, r, d
  WHERE d[1] IS NOT NULL
  RETURN {kind: d[0], date: d[1], earliest: d[2], latest: d[3], node: o,
    edge: r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}} AS event
  UNION
  MATCH (n)-[r]-(o:Entity)
  WHERE (o:Instrument OR o:Programme OR o:Project OR o:Cable)
    AND any(g IN r.access WHERE g IN $grants)
    AND any(g IN o.access WHERE g IN $grants)
  UNWIND [['STARTED', o.start, o.startFrom, o.startTo], ['ENDED', o.end, o.endFrom, o.endTo]] AS d
  WITH o, d
  WHERE d[1] IS NOT NULL
  RETURN {kind: d[0], date: d[1], earliest: d[2], latest: d[3], node: o, edge: null} AS event
}
WITH n, event
ORDER BY event.earliest, event.latest, event.node.name
RETURN n AS node, collect(event) AS events
