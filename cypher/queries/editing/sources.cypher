// The source documents the caller may cite: every citation of a write names one of them.
// Parameters: $grants. Sources are few (one a document), so all are read.
MATCH (s:Source)
WHERE any(g IN s.access WHERE g IN $grants)
RETURN s.id AS id
