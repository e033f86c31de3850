package org.hostel.complaints.assignment;

import org.hostel.complaints.testing.PostgresContext;

@PostgresContext
class PostgresAssignmentTests extends AssignmentSuite {}
