package org.hostel.complaints.staff;

/**
 * A staff token was revoked by logging out; whatever holds a session opened with it (a dashboard
 * socket) should end it.
 *
 * @param tokenId the {@code jti} of the revoked token
 */
public record LoggedOut(String tokenId) {}
