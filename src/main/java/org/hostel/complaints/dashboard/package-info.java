/**
 * The staff dashboard: its page and static modules, served with a strict Content-Security-Policy
 * and content-versioned, long-cached assets. The figures it shows come from the complaint API.
 */
@NullMarked
package org.hostel.complaints.dashboard;

import org.jspecify.annotations.NullMarked;
