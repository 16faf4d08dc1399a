// Writes a new version of a saved query or view (labels from the allow-list in SavedItems), and puts its marking on
// every earlier version: the marking is the item's, so a caller sees all of an item's versions or none, and no
// version number tells of a hidden one. The earlier versions were locked by lock-item under the same grants.
// Parameters: $labels, $props, $grants.
CREATE (s:$($labels))
SET s = $props
SET s.savedAt = datetime.statement()
WITH s
CALL (s) {
  MATCH (o:Saved {id: s.id})
  WHERE o <> s
    AND any(g IN o.access WHERE g IN $grants)
  SET o.tlp = s.tlp, o.tlpLevel = s.tlpLevel, o.organisation = s.organisation, o.recipients = s.recipients,
    o.access = s.access
}
RETURN s AS saved
