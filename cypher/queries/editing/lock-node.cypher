// Takes a node for an update: the node as the caller may see it, write-locked until the transaction ends, and read
// after the lock, so a concurrent update waits and then sees the newer version. Parameters: $id, $grants.
MATCH (n:Entity {id: $id})
WHERE any(g IN n.access WHERE g IN $grants)
SET n.lockedForUpdate = true
REMOVE n.lockedForUpdate
RETURN n AS node
