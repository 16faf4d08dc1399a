// Every node of the store, whatever its labels and marking, for the admin's lossless backup and the store checksum
// (never for a caller's read: no visibility predicate, by design; only the admin endpoints and commands run it).
// Parameters: none.
MATCH (n)
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS properties
