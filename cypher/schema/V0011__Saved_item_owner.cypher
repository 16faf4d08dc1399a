// "My views" and "my queries" list a caller's own saved items.
CREATE INDEX saved_item_owner IF NOT EXISTS
FOR (s:Saved)
ON (s.savedBy)
