// The shared catalogue's saved part: for every saved query the caller may see that has a promoted version, its
// newest promoted version. Parameters: $grants.
MATCH (s:SavedQuery)
WHERE s.origin = 'PROMOTED'
  AND any(g IN s.access WHERE g IN $grants)
WITH s
ORDER BY s.version DESC
WITH s.id AS id, collect(s) AS versions
RETURN head(versions) AS saved
ORDER BY head(versions).name, id
