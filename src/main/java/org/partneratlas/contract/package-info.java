/**
 * The API's contract for the teams that build on it: the schema published as SDL and as an introspection result at
 * stable URLs (admins only where introspection is), and the rules that decide whether a schema may replace the last
 * released one ({@link org.partneratlas.contract.SchemaCompatibility}): additions are fine; removing or tightening
 * what a client may already use is not, unless the baseline deprecated it first.
 * <p>
 * Uses nothing else in the application (it reads the schema Spring for GraphQL built).
 */
@NullMarked
package org.partneratlas.contract;

import org.jspecify.annotations.NullMarked;
