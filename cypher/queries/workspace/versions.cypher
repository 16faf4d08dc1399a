// Every version of a saved query or view, newest first, if the caller may see it (all versions carry the item's
// marking: all or none answer). Parameters: $id, $kind, $grants.
MATCH (s:Saved {id: $id})
WHERE s.kind = $kind
  AND any(g IN s.access WHERE g IN $grants)
RETURN s AS saved
ORDER BY s.version DESC
