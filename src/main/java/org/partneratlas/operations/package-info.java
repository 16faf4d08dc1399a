/**
 * Running the service: request metrics (by operation, root field and outcome, errors by classification), the
 * slow-request log, the request id in every log line. The metrics themselves are served by the actuator (admins only,
 * or on the private scrape port).
 * <p>
 * Uses nothing from the other modules.
 */
@NullMarked
package org.partneratlas.operations;

import org.jspecify.annotations.NullMarked;
