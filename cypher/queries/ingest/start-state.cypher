// What a start needs to know, in one statement: whether the store holds no curated node yet (the seed is loaded only
// then), and whether a streamed import left a journal or undo copies behind (undone first). Parameters: none.
RETURN NOT EXISTS { MATCH (n:Entity) } AS empty,
  EXISTS { MATCH (j:ImportJournal) } OR EXISTS { MATCH (u:ImportUndo) } AS importLeftovers
