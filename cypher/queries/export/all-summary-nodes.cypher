// What a whole-graph export will hold of nodes, before it writes any: each property key with its value types, each
// cited source id, and the highest marking (tlpLevel), over the nodes the caller may see. One pass, a few rows out.
// Parameters: $grants.
MATCH (n:Entity)
WHERE any(g IN n.access WHERE g IN $grants)
UNWIND [key IN keys(n) | {fact: 'key', name: key, type: valueType(n[key])}]
  + [s IN coalesce(n.sourceIds, []) | {fact: 'cites', name: s, type: null}] AS fact
RETURN fact.fact AS fact, fact.name AS name, fact.type AS type, max(n.tlpLevel) AS level
