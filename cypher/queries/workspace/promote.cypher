// Promotes one version of a saved query into the shared, trusted catalogue (after lock-item took the item).
// Parameters: $id, $version, $by, $grants.
MATCH (s:SavedQuery {id: $id, version: $version})
WHERE any(g IN s.access WHERE g IN $grants)
SET s.origin = 'PROMOTED', s.promotedBy = $by, s.promotedAt = datetime.statement()
RETURN s AS saved
