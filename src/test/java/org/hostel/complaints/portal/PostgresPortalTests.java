package org.hostel.complaints.portal;

import org.hostel.complaints.testing.PostgresContext;

/** The portal suite on the running PostgreSQL server, in a database of its own. */
@PostgresContext
class PostgresPortalTests extends PortalSuite {}
