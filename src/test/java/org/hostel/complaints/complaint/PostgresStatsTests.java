package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.PostgresContext;

/** The dashboard's figures on PostgreSQL. */
@PostgresContext
class PostgresStatsTests extends StatsSuite {}
