/**
 * Running the service: request metrics (by operation, root field and outcome, errors by classification), the
 * slow-request log, the request id in every log line. The metrics themselves are served by the actuator (admins only,
 * or on the private scrape port). Also how the service is launched: {@code java -jar} through the JDK 25 AOT cache
 * ({@code AotLaunch}) and the training run that records it ({@code TrainingRun}).
 * <p>
 * Uses nothing from the other modules.
 */
@NullMarked
package org.partneratlas.operations;

import org.jspecify.annotations.NullMarked;
