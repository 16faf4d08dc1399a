// Everything that ties a node: each visible edge, the node at its other end and, when that node is an instrument,
// programme, project or cable, the other actors tied to it (first 50 by name, with the full count); and every visible
// edge counted by type and direction (`summary`, exact).
// Bounded work: the ties answered are the first $limit by type, then the other end's name and id (a Top over the
// node's edges, which reads no counterparts); their counterparts are read tie by tie and stop at $budget + 1 visible
// rows (one a counterpart, or one for a tie with none: LIMIT streams). Then `cut` is true and the last tie read, whose
// counterparts may be incomplete, is left out with every tie after it: each tie answered is whole. Every row counted
// is a visible one, so where a profile is cut says nothing about hidden ties.
// Parameters: $id, $limit, $budget, $grants.
MATCH (n:Entity {id: $id})
WHERE any(g IN n.access WHERE g IN $grants)
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(o:Entity)
  WHERE any(g IN r.access WHERE g IN $grants)
    AND any(g IN o.access WHERE g IN $grants)
  WITH type(r) AS type, startNode(r) = n AS out, count(r) AS count
  WHERE count > 0
  RETURN collect({type: type, out: out, count: count}) AS summary
}
CALL (n) {
  MATCH (n)-[r]-(o:Entity)
  WHERE any(g IN r.access WHERE g IN $grants)
    AND any(g IN o.access WHERE g IN $grants)
  WITH r, o
  ORDER BY type(r), o.name, o.id
  LIMIT $limit
  CALL (n, o) {
    OPTIONAL MATCH (o)-[cr]-(c:Actor)
    WHERE (o:Instrument OR o:Programme OR o:Project OR o:Cable)
      AND c <> n
      AND any(g IN cr.access WHERE g IN $grants)
      AND any(g IN c.access WHERE g IN $grants)
    RETURN c, cr
  }
  WITH r, o, c, cr
  LIMIT $budget + 1
  RETURN collect({r: r, o: o, c: c, cr: cr}) AS rows
}
WITH n, summary, rows, size(rows) > $budget AS cut
// when cut, the last tie read may lack counterparts: leave it out (the ties after it were never read)
WITH n, summary, cut, CASE WHEN cut THEN [x IN rows WHERE x.r <> last(rows).r] ELSE rows END AS rows
CALL (n, rows) {
  UNWIND rows AS x
  WITH x.r AS r, x.o AS o, collect(x.c) AS cs, collect(x.cr) AS crs
  ORDER BY type(r), o.name, o.id
  CALL (cs, crs) {
    UNWIND range(0, size(cs) - 1) AS i
    WITH cs[i] AS c, crs[i] AS cr
    ORDER BY c.name, c.id
    LIMIT 50
    RETURN collect({node: c, edge: cr {.*, type: type(cr), from: startNode(cr).id, to: endNode(cr).id}}) AS counterparts
  }
  RETURN collect({
    edge: r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id},
    out: startNode(r) = n,
    other: o,
    counterparts: counterparts,
    counterpartCount: size(cs)
  }) AS ties
}
RETURN n AS node, summary, ties, cut
