package org.hostel.complaints.complaint;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a complaint may be about.
 *
 * @param hostels the hostels complaints can come from, seeded into the database at start-up
 * @param categories accepted categories; anything else is refused, never replaced
 * @param roomPattern a room number, after trimming and upper-casing, must match this
 * @param roomDescription how a wrong room number is explained, completing "Room must be …" (e.g. "a
 *     letter A–H followed by three digits, e.g. A312"); when empty it is derived from a simple
 *     pattern such as the default
 * @param roomExample a room number that matches the pattern, shown to people who typed one that
 *     does not; derived from a simple pattern when empty (A312 for the default)
 */
@ConfigurationProperties("complaints.catalog")
record CatalogSettings(
    @DefaultValue({"block-a:Block A", "block-b:Block B", "block-c:Block C", "block-d:Block D"})
        List<String> hostels,
    @DefaultValue({"plumbing", "electrical", "carpentry", "pest", "metalworks", "other"})
        List<String> categories,
    @DefaultValue("^[A-H][0-9]{3}$") String roomPattern,
    @Nullable String roomDescription,
    @DefaultValue("") String roomExample) {}
