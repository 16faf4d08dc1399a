// Names and aliases of the stored nodes of one label, to match an import's names against (label from the Label enum).
// Parameters: $label. Not a caller's read: imports are run by admins.
MATCH (n:$($label))
RETURN n.id AS id, n.name AS name, n.aliases AS aliases
