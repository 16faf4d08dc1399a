// Whether the store holds no curated node yet (the seed is loaded only then); stops at the first node it finds.
// Parameters: none.
RETURN NOT EXISTS { MATCH (n:Entity) } AS empty
