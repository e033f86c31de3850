/**
 * Work that one instance does at a time: scheduled jobs that must run once across instances
 * (ShedLock's {@code @SchedulerLock}), and renewable named {@link
 * org.hostel.complaints.scheduling.Leases leases} for long-held roles.
 */
@NullMarked
package org.hostel.complaints.scheduling;

import org.jspecify.annotations.NullMarked;
