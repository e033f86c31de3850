package org.hostel.complaints.protection;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits. A limit is written {@code N/period} ({@code 600/1m}): a bucket of N tokens
 * refilled evenly over the period, so a client may burst N requests and then keep to N per period.
 * Defaults let the published load tests (every user from one address, sharing the integration
 * token) pass untouched: per-caller limits are a ceiling against runaway clients, while the server
 * itself is protected by the in-flight bound of {@link OverloadSettings}.
 *
 * @param enabled switch every request limit off, e.g. for a maximum-throughput benchmark ({@code
 *     COMPLAINTS_RATE_LIMIT_ENABLED}); the login limits of the staff feature stay
 * @param anonymous calls without credentials, per client address
 * @param auth {@code /auth/*} without credentials (login, open registration), per client address
 * @param staff calls of one staff member, whatever address they come from
 * @param integration calls with the integration (bot) token
 * @param uploads photo uploads, presigns and confirmations, per staff member or integration
 * @param trustedProxies proxies (CIDR) whose {@code X-Forwarded-For} is believed; empty believes
 *     nobody ({@code COMPLAINTS_RATE_LIMIT_TRUSTED_PROXIES})
 * @param redisKeyPrefix prefix of the bucket keys when the buckets live in Redis
 */
@ConfigurationProperties("complaints.rate-limit")
record RateLimitSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1200/1m") Limit anonymous,
    @DefaultValue("300/1m") Limit auth,
    @DefaultValue("12000/1m") Limit staff,
    @DefaultValue("60000/1m") Limit integration,
    @DefaultValue("1200/1m") Limit uploads,
    @DefaultValue({}) List<String> trustedProxies,
    @DefaultValue("complaints:rate:") String redisKeyPrefix) {}
