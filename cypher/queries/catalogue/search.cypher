// Full-text search over names, acronyms and aliases; an exact name, acronym or alias ranks first.
// Parameters: $query (Lucene, built by SearchText), $exact (lower case), $labels (or null), $first, $grants.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: 1000})
YIELD node, score
WHERE any(g IN node.access WHERE g IN $grants)
  AND ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
WITH node, score,
  CASE
    WHEN toLower(node.acronym) = $exact OR toLower(node.name) = $exact THEN 100.0
    WHEN any(a IN coalesce(node.aliases, []) WHERE toLower(a) = $exact) THEN 50.0
    ELSE 0.0
  END AS bonus
RETURN node, score + bonus AS score
ORDER BY score DESC, node.name
LIMIT $first
