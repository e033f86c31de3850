package org.hostel.complaints;

import org.hostel.complaints.testing.EmbeddedContext;

/** The end-to-end suite on the embedded default. */
@EmbeddedContext
class SqliteEndToEndTests extends EndToEndSuite {}
