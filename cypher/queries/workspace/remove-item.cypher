// Removes every version of a saved query or view the caller may see (after lock-item took them); the audit trail
// keeps the removal. Parameters: $id, $kind, $grants.
MATCH (s:Saved {id: $id})
WHERE s.kind = $kind
  AND any(g IN s.access WHERE g IN $grants)
DETACH DELETE s
RETURN count(*) AS removed
