package org.hostel.complaints.assignment;

import org.hostel.complaints.testing.EmbeddedContext;

@EmbeddedContext
class SqliteAssignmentTests extends AssignmentSuite {}
