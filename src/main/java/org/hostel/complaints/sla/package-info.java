/**
 * SLA clocks: targets per category and priority counted in business hours (with holidays, a time
 * zone and weekend cover for urgent complaints), the escalation job and the SLA metrics.
 */
@NullMarked
package org.hostel.complaints.sla;

import org.jspecify.annotations.NullMarked;
