// The paths graph.PathSearch enumerated, whole: for each of $paths (a map: the node ids in order, `nodes`, and the
// element ids of the relationships between them, `rels`), its nodes and relationships in the shape of paths.cypher,
// in the order given. A path any of whose items is now missing or hidden (a write between the search and this
// statement) is left out, never answered in part. Parameters: $paths, $grants.
UNWIND range(0, size($paths) - 1) AS i
WITH i, $paths[i] AS path
CALL (path) {
  UNWIND range(0, size(path.nodes) - 1) AS j
  MATCH (n:Entity {id: path.nodes[j]})
  WHERE any(g IN n.access WHERE g IN $grants)
  WITH j, n
  ORDER BY j
  RETURN collect(n) AS nodes
}
CALL (path) {
  UNWIND range(0, size(path.rels) - 1) AS j
  MATCH (s)-[rel]->(e)
  WHERE elementId(rel) = path.rels[j]
    AND any(g IN rel.access WHERE g IN $grants)
    AND ((s.id = path.nodes[j] AND e.id = path.nodes[j + 1]) OR (e.id = path.nodes[j] AND s.id = path.nodes[j + 1]))
  WITH j, rel, s, e
  ORDER BY j
  RETURN collect(rel {.*, type: type(rel), from: s.id, to: e.id}) AS edges
}
WITH i, nodes, edges, path
WHERE size(nodes) = size(path.nodes) AND size(edges) = size(path.rels)
RETURN nodes, edges
ORDER BY i
