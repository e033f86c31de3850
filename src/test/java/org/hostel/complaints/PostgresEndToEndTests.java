package org.hostel.complaints;

import org.hostel.complaints.testing.PostgresContext;

/** The end-to-end suite on the running PostgreSQL server, in a database of its own. */
@PostgresContext
class PostgresEndToEndTests extends EndToEndSuite {}
