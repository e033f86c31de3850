/**
 * The staff dashboard: its page and static modules, served with a strict Content-Security-Policy
 * and content-versioned, long-cached assets, plus the read-only figures it shows (status counts and
 * statistics).
 */
@NullMarked
package org.hostel.complaints.dashboard;

import org.jspecify.annotations.NullMarked;
