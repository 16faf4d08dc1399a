// A caller's own saved queries or views that they may still see, the newest version of each, newest first.
// Parameters: $owner, $kind, $grants.
MATCH (s:Saved {savedBy: $owner})
WHERE s.kind = $kind
  AND any(g IN s.access WHERE g IN $grants)
WITH s
ORDER BY s.version DESC
WITH s.id AS id, collect(s) AS versions
RETURN head(versions) AS saved
ORDER BY head(versions).savedAt DESC, id
