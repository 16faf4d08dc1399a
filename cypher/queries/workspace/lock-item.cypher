// Takes every version of a saved query or view for a change, as the caller may see it, write-locked until the
// transaction ends (a concurrent save waits, then fails on the version constraint instead of writing the same version).
// Parameters: $id, $kind ('query' or 'view'), $grants.
MATCH (s:Saved {id: $id})
WHERE s.kind = $kind
  AND any(g IN s.access WHERE g IN $grants)
SET s.lockedForUpdate = true
REMOVE s.lockedForUpdate
RETURN s AS saved
ORDER BY s.version DESC
