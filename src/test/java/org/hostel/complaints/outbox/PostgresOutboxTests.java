package org.hostel.complaints.outbox;

import org.hostel.complaints.testing.PostgresContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox on the running PostgreSQL server, in a database of its own. */
@PostgresContext
class PostgresOutboxTests extends OutboxSuite {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    quickRetries(registry);
  }
}
