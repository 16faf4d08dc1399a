// An item's changes, newest first, as the caller may see them: an item's events show only when the caller may see
// the item as its latest event left it, and then every event after which the caller could see it. When the caller
// could not see the state before an event, the event shows that the item became visible (earlierHidden), without
// its changes. The newest event a caller sees is thus always the item's newest, with its current version. A tie's
// events also need both ends visible now. A node's history may add the events of its ties.
// Events are AuditEvent nodes, one per change, and the entries of AuditBatch nodes (a create-only import's events,
// up to 500 a node, found by the item's id through the audit_batch_items full-text index; each entry read as the
// event it stands for).
// Parameters: $id, $endId ($id to include ties, '' not to), $first, $grants.
CALL () {
  MATCH (e:AuditEvent)
  WHERE e.itemId = $id OR e.from = $endId OR e.to = $endId
  RETURN e {.*} AS e
  UNION ALL
  WITH replace(replace($id, '\\', '\\\\'), '"', '\\"') AS key
  WHERE $id <> ''
  CALL db.index.fulltext.queryNodes('audit_batch_items', 'itemText:"' + key + '"'
    + CASE WHEN $endId = '' THEN '' ELSE ' OR fromText:"' + key + '" OR toText:"' + key + '"' END)
  YIELD node AS b
  UNWIND range(0, size(b.items) - 1) AS i
  WITH b, i
  WHERE b.items[i] = $id OR ($endId <> '' AND (b.froms[i] = $endId OR b.tos[i] = $endId))
  RETURN {id: b.id + '/' + toString(i), at: b.at, by: b.by, role: b.role, requestId: b.requestId,
    action: b.actions[i], itemId: b.items[i], from: CASE WHEN b.froms[i] = '' THEN null ELSE b.froms[i] END,
    to: CASE WHEN b.tos[i] = '' THEN null ELSE b.tos[i] END, version: b.versions[i], changes: b.changes[i],
    reason: b.reason, access: CASE WHEN b.accesses[i] = '' THEN [] ELSE split(b.accesses[i], ' ') END,
    accessBefore: null} AS e
}
WITH e
ORDER BY e.at DESC, e.version DESC
WITH e.itemId AS item, collect(e) AS events
WHERE any(g IN head(events).access WHERE g IN $grants)
UNWIND events AS e
WITH e
WHERE any(g IN e.access WHERE g IN $grants)
  AND (e.from IS NULL OR EXISTS { MATCH (a:Entity {id: e.from}) WHERE any(g IN a.access WHERE g IN $grants) })
  AND (e.to IS NULL OR EXISTS { MATCH (b:Entity {id: e.to}) WHERE any(g IN b.access WHERE g IN $grants) })
RETURN e AS event,
  (e.accessBefore IS NOT NULL AND NOT any(g IN e.accessBefore WHERE g IN $grants)) AS earlierHidden
ORDER BY e.at DESC, e.version DESC
LIMIT $first
