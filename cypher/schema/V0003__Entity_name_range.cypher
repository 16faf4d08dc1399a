// Listings are ordered by name, then id (the keyset cursor): a range index lets them start from the cursor.
CREATE INDEX entity_name IF NOT EXISTS
FOR (n:Entity)
ON (n.name, n.id)
