/**
 * Block-wide incidents: an admin declares one (hostels and wings, a category, a public message, an
 * optional ETA); matching new complaints are linked at once and their reporters told; every message
 * or ETA change reaches each linked reporter once; resolving it resolves them all.
 */
@NullMarked
package org.hostel.complaints.incident;

import org.jspecify.annotations.NullMarked;
