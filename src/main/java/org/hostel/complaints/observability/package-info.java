/** Health, metrics and the access log: what operators and load balancers read. */
@NullMarked
package org.hostel.complaints.observability;

import org.jspecify.annotations.NullMarked;
