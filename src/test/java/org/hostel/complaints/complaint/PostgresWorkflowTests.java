package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.PostgresContext;

@PostgresContext
class PostgresWorkflowTests extends WorkflowSuite {}
