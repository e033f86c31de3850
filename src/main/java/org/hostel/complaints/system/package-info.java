/** Cross-cutting plumbing: problem documents, request limits, storage set-up, health and ids. */
@NullMarked
package org.hostel.complaints.system;

import org.jspecify.annotations.NullMarked;
