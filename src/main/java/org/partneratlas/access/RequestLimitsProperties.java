package org.partneratlas.access;

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
 */
@ConfigurationProperties("atlas.limits")
record RequestLimitsProperties(@DefaultValue("15") int maxDepth, @DefaultValue("20000") int maxCost,
		@DefaultValue("64KB") DataSize maxBody) {
}
