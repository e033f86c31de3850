package org.hostel.complaints.portal;

import java.time.Duration;
import org.hostel.complaints.protection.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public report page and its abuse controls ({@code COMPLAINTS_PORTAL_*}).
 *
 * @param enabled whether {@code /report}, {@code /track/…} and {@code /api/v1/public/…} answer
 * @param requirePosterCode only reports opened from a room's QR poster are taken (no free-typed
 *     rooms)
 * @param posterKey the key that signs poster codes; empty means one generated into the data folder
 *     ({@code portal-poster-key}); changing it invalidates every printed poster
 * @param minFillTime a form sent back sooner than this after the page was served is refused
 * @param addressLimit submits per client address, e.g. {@code 20/1h}
 * @param roomLimit submits per room, e.g. {@code 6/1h}
 * @param softLimit submits per client address after which the page must prove work
 * @param proofBits leading zero bits of SHA-256 the proof of work must reach
 * @param spamBlock how long a source marked as spam is refused
 * @param photoWindow how long after the report its photos may still be added
 * @param confirmAfter a resolved portal complaint whose reporter did not answer "Is it fixed?" is
 *     closed after this long, as the bot does
 * @param staffNames whether the tracking page names the staff member behind each step (off: staff
 *     stay anonymous to the public)
 */
@ConfigurationProperties("complaints.portal")
record PortalSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("false") boolean requirePosterCode,
    @DefaultValue("") String posterKey,
    @DefaultValue("3s") Duration minFillTime,
    @DefaultValue("20/1h") String addressLimit,
    @DefaultValue("6/1h") String roomLimit,
    @DefaultValue("3/1h") String softLimit,
    @DefaultValue("14") int proofBits,
    @DefaultValue("24h") Duration spamBlock,
    @DefaultValue("1h") Duration photoWindow,
    @DefaultValue("3d") Duration confirmAfter,
    @DefaultValue("false") boolean staffNames) {

  PortalSettings {
    Limit.parse(addressLimit);
    Limit.parse(roomLimit);
    Limit.parse(softLimit);
    if (proofBits < 0 || proofBits > 24) {
      throw new IllegalArgumentException("COMPLAINTS_PORTAL_PROOF_BITS must be 0 to 24");
    }
  }
}
