// Saved queries awaiting review: those the caller may see whose newest version is not promoted, newest first.
// Parameters: $grants.
MATCH (s:SavedQuery)
WHERE any(g IN s.access WHERE g IN $grants)
WITH s
ORDER BY s.version DESC
WITH s.id AS id, collect(s) AS versions
WHERE head(versions).origin = 'SAVED'
RETURN head(versions) AS saved
ORDER BY head(versions).savedAt DESC, id
