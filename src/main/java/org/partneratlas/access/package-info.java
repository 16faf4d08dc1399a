/**
 * Who may ask what, and how much: request limits (query depth, query cost, body size) that reject a request before
 * any resolver or statement runs. Authentication, roles, clearance and audit join here.
 * <p>
 * Uses {@code graph}.
 */
@NullMarked
package org.partneratlas.access;

import org.jspecify.annotations.NullMarked;
