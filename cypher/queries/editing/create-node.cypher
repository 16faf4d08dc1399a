// Creates a node checked by the curated data's rules: labels from the Label allow-list, properties (access list,
// citations, version 1) made by the same code as the loader's. Parameters: $labels, $props.
CREATE (n:$($labels))
SET n = $props
RETURN n AS node
