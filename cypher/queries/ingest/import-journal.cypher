// One batch of a streamed import, written in the batch's own transaction: what the batch created and which items it
// updated (their former state is in ImportUndo copies), so that a failure later in the run can undo it. Deleted when
// the run commits. Parameters: $journal {run, batch, nodes, tieIds, tieFroms, updated}.
CREATE (j:ImportJournal)
SET j = $journal
