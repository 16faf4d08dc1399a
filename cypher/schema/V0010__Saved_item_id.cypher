// A saved query or view is read and locked by its id (every version at once).
CREATE INDEX saved_item_id IF NOT EXISTS
FOR (s:Saved)
ON (s.id)
