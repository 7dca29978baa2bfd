package vn.partywork.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access module ({@code partywork.access.*}).
 *
 * @param reviewExpiryWarningDays P-ID-5: the account review lists grants that end within this many
 *     days (default 30)
 * @param shareMaxDays P-AZ-2: a record-level share ends at most this many days after the day it is
 *     made (default 90)
 */
@ConfigurationProperties("partywork.access")
public record AccessSettings(
        @DefaultValue("30") int reviewExpiryWarningDays,
        @DefaultValue("90") int shareMaxDays) {}
