/** The database and the data folder: SQLite set-up, the read replica, ids and generated secrets. */
@NullMarked
package org.hostel.complaints.storage;

import org.jspecify.annotations.NullMarked;
