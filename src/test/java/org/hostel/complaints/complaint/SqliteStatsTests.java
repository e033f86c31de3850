package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.EmbeddedContext;

/** The dashboard's figures on the embedded default. */
@EmbeddedContext
class SqliteStatsTests extends StatsSuite {}
