// What a whole-graph export will hold of relationships, before it writes any: each property key with its value
// types, each cited source id, and the highest marking, over the relationships the caller may see whose both ends
// the caller may see too (an edge to a hidden node would reveal it). One pass, a few rows out.
// Parameters: $grants.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE any(g IN r.access WHERE g IN $grants)
  AND any(g IN a.access WHERE g IN $grants)
  AND any(g IN b.access WHERE g IN $grants)
UNWIND [key IN keys(r) | {fact: 'key', name: key, type: valueType(r[key])}]
  + [s IN coalesce(r.sourceIds, []) | {fact: 'cites', name: s, type: null}] AS fact
RETURN fact.fact AS fact, fact.name AS name, fact.type AS type, max(r.tlpLevel) AS level
