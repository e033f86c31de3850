/**
 * Photos of complaints: upload checks and processing, disk and S3 storage, signed links and the
 * presign → PUT → confirm flow.
 */
@NullMarked
package org.hostel.complaints.photo;

import org.jspecify.annotations.NullMarked;
