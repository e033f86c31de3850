/**
 * Residents without Telegram: the public report page ({@code /report}), private tracking links
 * ({@code /track/<token>}), e-mail updates for reporters who confirmed an address, room QR posters
 * and the abuse controls around them (docs/PORTAL.md). On by default; {@code
 * COMPLAINTS_PORTAL_ENABLED=false} turns the public pages off.
 */
@NullMarked
package org.hostel.complaints.portal;

import org.jspecify.annotations.NullMarked;
