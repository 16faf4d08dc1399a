// The dated events of a node: its own start and end, the start and end of each of its visible relationships, and
// those of the instruments, programmes, projects and cables it is tied to (once each, however many relationships lead
// to them); in date order (earliest possible day, then latest, then the name of the node the event belongs to): the
// first $first of them, and how many there are in all (`total`).
// A visible node without dated events answers an empty list (the CALLs aggregate, so the row stays), never no row:
// no row means a missing or hidden node.
// Bounded work: the node's visible relationships are expanded once; each event is a bare row (a date list and two
// references) until the sort, and only the first $first are projected with their node and edge. Every event counted
// is a visible one.
// Parameters: $id, $first, $grants.
MATCH (n:Entity {id: $id})
WHERE any(g IN n.access WHERE g IN $grants)
CALL (n) {
  CALL (n) {
    UNWIND [['STARTED', n.start, n.startFrom, n.startTo], ['ENDED', n.end, n.endFrom, n.endTo]] AS d
    WITH d
    WHERE d[1] IS NOT NULL
    RETURN d, n AS o, null AS r
    UNION ALL
    MATCH (n)-[r]-(o:Entity)
    WHERE any(g IN r.access WHERE g IN $grants)
      AND any(g IN o.access WHERE g IN $grants)
    WITH o, collect(r) AS rs
    CALL (o, rs) {
      UNWIND rs AS r
      UNWIND [['STARTED', r.start, r.startFrom, r.startTo], ['ENDED', r.end, r.endFrom, r.endTo]] AS d
      WITH d, r
      WHERE d[1] IS NOT NULL
      RETURN d, r
      UNION ALL
      WITH o
      WHERE o:Instrument OR o:Programme OR o:Project OR o:Cable
      UNWIND [['STARTED', o.start, o.startFrom, o.startTo], ['ENDED', o.end, o.endFrom, o.endTo]] AS d
      WITH d
      WHERE d[1] IS NOT NULL
      RETURN d, null AS r
    }
    RETURN d, o, r
  }
  WITH d, o, r
  ORDER BY d[2], d[3], o.name
  WITH collect({d: d, o: o, r: r}) AS found, count(*) AS total
  CALL (found) {
    UNWIND found[0..$first] AS x
    WITH x.d AS d, x.o AS o, x.r AS r
    RETURN collect({kind: d[0], date: d[1], earliest: d[2], latest: d[3], node: o,
      edge: CASE WHEN r IS NULL THEN null ELSE r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} END})
      AS events
  }
  RETURN events, total
}
RETURN n AS node, events, total
