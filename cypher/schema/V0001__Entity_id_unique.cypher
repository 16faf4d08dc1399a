// Every node carries :Entity and a stable, namespaced id (country:IN, instrument:eu-in-ttc): one id, one node,
// whatever its specific label, so a single constraint gives uniqueness per label too.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS
FOR (n:Entity)
REQUIRE n.id IS UNIQUE
