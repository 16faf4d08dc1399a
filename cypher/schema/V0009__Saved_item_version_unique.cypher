// Saved queries and views (:Saved, never :Entity) keep one node per version: an item's id and version name one node.
CREATE CONSTRAINT saved_item_version_unique IF NOT EXISTS
FOR (s:Saved)
REQUIRE (s.id, s.version) IS UNIQUE
