package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.PostgresContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scheduled purge on PostgreSQL. */
@PostgresContext
class PostgresScheduledPurgeTests extends ScheduledPurgeSuite {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    ownContext(registry);
  }
}
