package org.partneratlas.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits every GraphQL request must keep ({@code atlas.limits.*}).
 *
 * @param maxDepth deepest field nesting
 * @param maxCost highest cost: every field, alias and {@code __typename} counts 1, times the list sizes its
 * arguments ask for above it ({@code first}, {@code last}, {@code limit}, {@code top}, {@code k})
 * @param maxBody largest request body
 * @param requestTimeout longest a request may take before it is answered 408: above the Neo4j transaction timeout
 * ({@code atlas.transaction-timeout}), so that a slow statement is stopped by the database and reported as such first
 */
@ConfigurationProperties("atlas.limits")
record RequestLimitsProperties(@DefaultValue("15") int maxDepth, @DefaultValue("20000") int maxCost,
		@DefaultValue("64KB") DataSize maxBody, @DefaultValue("15s") Duration requestTimeout) {
}
