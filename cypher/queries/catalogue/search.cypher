// Full-text search over names, acronyms and aliases. The index only finds the candidates; the score is the node's
// own (each word 2 when it is a whole word of the name, acronym or an alias, 1 when it starts one; 100 for an exact
// name or acronym, 50 for an exact alias), never Lucene's, whose statistics count every node, hidden ones too.
// Parameters: $query (Lucene, built by SearchText), $whole and $starts (a pattern per word), $exact (lower case),
// $labels (or null), $first, $grants.
CALL db.index.fulltext.queryNodes('entity_names', $query)
YIELD node
WHERE any(g IN node.access WHERE g IN $grants)
  AND ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
WITH node, [t IN [node.name, node.acronym] + coalesce(node.aliases, []) WHERE t IS NOT NULL | toLower(t)] AS texts
WITH node, texts,
  reduce(s = 0.0, i IN range(0, size($whole) - 1) |
    s + CASE
      WHEN any(t IN texts WHERE t =~ $whole[i]) THEN 2.0
      WHEN any(t IN texts WHERE t =~ $starts[i]) THEN 1.0
      ELSE 0.0
    END) AS words
WITH node, words +
  CASE
    WHEN toLower(node.acronym) = $exact OR toLower(node.name) = $exact THEN 100.0
    WHEN any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $exact) THEN 50.0
    ELSE 0.0
  END AS score
RETURN node, score
ORDER BY score DESC, node.name, node.id
LIMIT $first
