// Whether a node id is in use, at any marking: ids are unique across markings, so a new node must not take the id
// of one the caller cannot see. Unfiltered by design; the answer only picks a free id and is never shown. $id.
RETURN EXISTS { (n:Entity {id: $id}) } AS taken
