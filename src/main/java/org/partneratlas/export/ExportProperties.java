package org.partneratlas.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of exports and backups ({@code atlas.export.*}).
 *
 * @param transactionTimeout how long one export or backup statement may run: a whole-graph export of a large graph
 * takes far longer than an interactive read (whose limit is {@code atlas.transaction-timeout})
 */
@ConfigurationProperties("atlas.export")
public record ExportProperties(@DefaultValue("30m") Duration transactionTimeout) {
}
