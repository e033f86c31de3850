package org.hostel.complaints.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and tokens.
 *
 * @param jwtSecret token signing secret, at least 32 bytes; generated into the data folder on the
 *     embedded default when empty, required otherwise ({@code COMPLAINTS_JWT_SECRET})
 * @param jwtVerificationSecrets further secrets, at least 32 bytes each, that verify tokens but
 *     sign none: during a key rotation, the new key before it signs and the old one until its
 *     tokens expire ({@code COMPLAINTS_JWT_VERIFICATION_SECRETS}, comma-separated)
 * @param tokenTtl lifetime of a staff token
 * @param serviceToken opaque bearer token of the reporter bot and other integrations; empty
 *     disables integrations ({@code COMPLAINTS_SERVICE_TOKEN})
 * @param openRegistration lets anyone register as a porter, for demos and load tests ({@code
 *     COMPLAINTS_AUTH_OPEN_REGISTRATION})
 * @param adminEmail the first admin, created at start-up when absent ({@code
 *     COMPLAINTS_ADMIN_EMAIL})
 * @param adminPassword that admin's password ({@code COMPLAINTS_ADMIN_PASSWORD})
 * @param loginsPerClient login attempts one client address may make per minute
 * @param failuresPerUsername failed logins one user name may have per 15 minutes
 * @param passwordHashStrength BCrypt cost factor (each step doubles the work)
 * @param publicApiDocs serves the API reference ({@code /v3/api-docs}, {@code /swagger-ui.html}) to
 *     anyone instead of to logged-in callers only ({@code COMPLAINTS_AUTH_PUBLIC_API_DOCS})
 * @param clockSkew how long after its expiry a token is still accepted, for clocks that differ
 *     between instances ({@code COMPLAINTS_AUTH_CLOCK_SKEW})
 * @param accountCacheTtl longest time an instance trusts what it remembers of a token's account
 *     (active, cut-off, revoked) without asking the database; changes reach every instance at once
 *     through Redis, PostgreSQL or this process, so this only bounds how long a lost message can
 *     delay a sign-out; 0 asks the database on every request ({@code
 *     COMPLAINTS_AUTH_ACCOUNT_CACHE_TTL})
 * @param accountChannel the Redis channel account changes travel on, where Redis is configured
 */
@ConfigurationProperties("complaints.auth")
record AuthSettings(
    @DefaultValue("") String jwtSecret,
    @DefaultValue({}) java.util.List<String> jwtVerificationSecrets,
    @DefaultValue("60m") Duration tokenTtl,
    @DefaultValue("") String serviceToken,
    @DefaultValue("false") boolean openRegistration,
    @DefaultValue("") String adminEmail,
    @DefaultValue("") String adminPassword,
    @DefaultValue("30") int loginsPerClient,
    @DefaultValue("10") int failuresPerUsername,
    @DefaultValue("10") int passwordHashStrength,
    @DefaultValue("false") boolean publicApiDocs,
    @DefaultValue("5s") Duration clockSkew,
    @DefaultValue("5s") Duration accountCacheTtl,
    @DefaultValue("complaints:accounts") String accountChannel) {}
