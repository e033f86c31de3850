package org.hostel.complaints.accounts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationTtl how long an invitation link works ({@code
 *     COMPLAINTS_ACCOUNTS_INVITATION_TTL})
 * @param resetTtl how long a password-reset link works ({@code COMPLAINTS_ACCOUNTS_RESET_TTL})
 * @param resetsPerEmail reset mails one address (and so one account) may get per hour
 * @param resetsPerClient reset requests one client address may make per hour
 * @param codeAttempts second-factor codes one account may try per 15 minutes
 * @param issuer the name authenticator apps show next to the account
 */
@ConfigurationProperties("complaints.accounts")
record AccountSettings(
    @DefaultValue("72h") Duration invitationTtl,
    @DefaultValue("30m") Duration resetTtl,
    @DefaultValue("3") int resetsPerEmail,
    @DefaultValue("20") int resetsPerClient,
    @DefaultValue("5") int codeAttempts,
    @DefaultValue("Hostel complaints") String issuer) {}

/**
 * @param require2faFor roles that must use a second factor ({@code
 *     COMPLAINTS_AUTH_REQUIRE_2FA_FOR=admin}); empty by default: optional for everyone
 */
@ConfigurationProperties("complaints.auth")
record TwoFactorSettings(@DefaultValue({}) List<String> require2faFor) {}
