// Takes the two ends of a new tie as the caller may see them, the start write-locked (a concurrent link of the same
// pair waits), with the ties between them that share the new tie's id. Parameters: $from, $to, $id, $grants.
MATCH (a:Entity {id: $from})
WHERE any(g IN a.access WHERE g IN $grants)
MATCH (b:Entity {id: $to})
WHERE any(g IN b.access WHERE g IN $grants)
SET a.lockedForUpdate = true
REMOVE a.lockedForUpdate
RETURN labels(a) AS fromLabels, labels(b) AS toLabels,
  [(a)-[r]->(b) WHERE r.id = $id OR r.id STARTS WITH $id + '~' | {id: r.id, visible: any(g IN r.access WHERE g IN $grants)}] AS taken
