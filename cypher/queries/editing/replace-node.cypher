// Replaces a locked node's properties with the checked new ones (the whole set: a cleared field is gone).
// Parameters: $id, $props, $grants (the caller saw the node when it locked it).
MATCH (n:Entity {id: $id})
WHERE any(g IN n.access WHERE g IN $grants)
SET n = $props
RETURN n AS node
