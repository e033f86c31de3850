package org.hostel.complaints.sla;

import org.hostel.complaints.testing.EmbeddedContext;

@EmbeddedContext
class SqliteEscalationTests extends EscalationSuite {}
