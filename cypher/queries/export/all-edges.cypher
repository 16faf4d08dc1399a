// Every relationship the caller may see between two nodes the caller may see, for a whole-graph export that writes
// each as it arrives (unordered: sorting a million relationships would hold them all). Items above $ceiling, the
// highest marking the summary found, are left out, ends included.
// Parameters: $ceiling, $grants.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE any(g IN r.access WHERE g IN $grants)
  AND r.tlpLevel <= $ceiling
  AND any(g IN a.access WHERE g IN $grants)
  AND a.tlpLevel <= $ceiling
  AND any(g IN b.access WHERE g IN $grants)
  AND b.tlpLevel <= $ceiling
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS edge
