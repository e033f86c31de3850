package org.hostel.complaints.complaint;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How complaint lists count.
 *
 * @param countCap the most matching rows a list counts ({@code COMPLAINTS_LIST_COUNT_CAP}); beyond
 *     it {@code total} is this cap and {@code total_exact} is false. Counting costs time in
 *     proportion to what it counts: 10,000 rows is 2.5 ms of SQLite, 1,000,000 hundreds. At 10,000
 *     the count was 45 % of the service's CPU in a list probe on 50,000 complaints, and 1,000 made
 *     that probe 2.7 times faster (docs/CAPACITY_PLANNING.md).
 */
@Validated
@ConfigurationProperties("complaints.list")
record ListSettings(@DefaultValue("1000") @Min(1) long countCap) {}
