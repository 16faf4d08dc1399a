/**
 * The analyst's workspace: a catalogue of named, described, parameterised GraphQL documents (reviewed files shipped
 * with the service, and queries analysts save and editors promote), run by id, and the Explorer's saved views.
 * <p>
 * Uses {@code graph} and {@code access}.
 */
@NullMarked
package org.partneratlas.workspace;

import org.jspecify.annotations.NullMarked;
