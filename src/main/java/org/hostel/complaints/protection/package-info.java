/** Keeps the service answering under abuse and overload: rate limits and their 429 answers. */
@NullMarked
package org.hostel.complaints.protection;

import org.jspecify.annotations.NullMarked;
