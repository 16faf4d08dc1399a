// Every relationship of the store with its ends, for the admin's lossless backup and the store checksum. An end is
// known across stores by its Entity id (unique by constraint), or else by its whole content (startNode/endNode).
// Parameters: none.
MATCH (a)-[r]->(b)
RETURN elementId(r) AS key, type(r) AS type, elementId(a) AS start, elementId(b) AS end,
  properties(r) AS properties,
  CASE WHEN a:Entity THEN a.id END AS startId,
  CASE WHEN a:Entity THEN null ELSE a END AS startNode,
  CASE WHEN b:Entity THEN b.id END AS endId,
  CASE WHEN b:Entity THEN null ELSE b END AS endNode
