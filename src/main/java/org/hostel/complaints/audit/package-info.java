/**
 * The audit log: security and administrative events (logins, account changes, purges, exports),
 * appended by any feature through {@link org.hostel.complaints.audit.Audit} and never changed.
 */
@NullMarked
package org.hostel.complaints.audit;

import org.jspecify.annotations.NullMarked;
