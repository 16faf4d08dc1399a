// Actor listings filter on kind (organisation kinds, region kinds).
CREATE INDEX actor_kind IF NOT EXISTS
FOR (n:Actor)
ON (n.kind)
