/** Staff accounts (admins and porters), login, tokens and who is calling. */
@NullMarked
package org.hostel.complaints.staff;

import org.jspecify.annotations.NullMarked;
