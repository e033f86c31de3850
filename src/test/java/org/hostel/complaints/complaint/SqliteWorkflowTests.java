package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.EmbeddedContext;

@EmbeddedContext
class SqliteWorkflowTests extends WorkflowSuite {}
