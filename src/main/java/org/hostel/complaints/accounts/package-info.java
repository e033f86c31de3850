/**
 * Staff accounts an office runs itself: invitations, password reset by mail, own sessions and
 * profile, TOTP two-factor login, and the admins' view of the audit log. Login, tokens and the
 * account rows stay in {@code staff}; this feature uses its public {@code StaffAccounts} and
 * provides its {@code SecondFactor}.
 */
@NullMarked
package org.hostel.complaints.accounts;

import org.jspecify.annotations.NullMarked;
