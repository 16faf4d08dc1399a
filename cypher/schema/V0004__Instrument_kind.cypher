// Instrument listings, coverage and gap questions filter on kind first.
CREATE INDEX instrument_kind IF NOT EXISTS
FOR (n:Instrument)
ON (n.kind)
