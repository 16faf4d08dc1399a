// Whether the store holds no node at all (a restore writes only into an empty store); stops at the first node.
// Parameters: none.
RETURN NOT EXISTS { MATCH (n) } AS empty
