// The subgraph on given nodes (the Explorer's current view): those of $ids the caller may see, and every
// relationship the caller may see among them. Ids the caller may not see answer as unknown ones.
// Parameters: $ids, $grants.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE any(g IN n.access WHERE g IN $grants)
WITH collect(n) AS kept
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b)
  WHERE b IN kept
    AND any(g IN r.access WHERE g IN $grants)
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS edges
}
RETURN kept AS nodes, edges
