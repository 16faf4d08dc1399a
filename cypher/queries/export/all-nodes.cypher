// Every node the caller may see, by id, for a whole-graph export that writes each as it arrives. $ceiling is the
// highest marking the summary found (the file is named after it): a node raised above it since is left out, so the
// file never holds more than its name says.
// Parameters: $ceiling, $grants.
MATCH (n:Entity)
WHERE any(g IN n.access WHERE g IN $grants)
  AND n.tlpLevel <= $ceiling
RETURN n AS node
ORDER BY n.id
