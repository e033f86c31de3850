package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.PostgresContext;

/** Similar complaints and merging on PostgreSQL. */
@PostgresContext
class PostgresHostelTests extends HostelSuite {}
