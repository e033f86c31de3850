package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.EmbeddedContext;

/** Similar complaints and merging on the embedded default. */
@EmbeddedContext
class SqliteHostelTests extends HostelSuite {}
