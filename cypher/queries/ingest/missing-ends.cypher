// The given ids that are not nodes in the store: the ends a batch's ties name that are gone (an edit deleted them
// after the import checked them), so that every tie not written is reported. Parameters: $ids.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH id, n
WHERE n IS NULL
RETURN id
