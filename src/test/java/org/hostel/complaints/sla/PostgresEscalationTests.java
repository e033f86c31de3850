package org.hostel.complaints.sla;

import org.hostel.complaints.testing.PostgresContext;

@PostgresContext
class PostgresEscalationTests extends EscalationSuite {}
