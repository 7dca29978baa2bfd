package vn.partywork.member.internal.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the statistics.
 *
 * @param minCell the small-cell threshold (P-AZ-3): for aggregate-only readers, breakdown counts
 *     from 1 to {@code minCell - 1} are hidden; default 3
 */
@ConfigurationProperties("partywork.stats")
public record StatsSettings(@DefaultValue("3") int minCell) {}
