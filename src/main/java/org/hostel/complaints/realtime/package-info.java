/**
 * The live dashboard: a WebSocket that pushes complaint events after commit to the staff allowed to
 * see them, fanned out across instances through Redis when several run.
 */
@NullMarked
package org.hostel.complaints.realtime;

import org.jspecify.annotations.NullMarked;
