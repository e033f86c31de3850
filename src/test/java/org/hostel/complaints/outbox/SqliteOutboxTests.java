package org.hostel.complaints.outbox;

import org.hostel.complaints.testing.EmbeddedContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox on the embedded default. */
@EmbeddedContext
class SqliteOutboxTests extends OutboxSuite {

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) {
    quickRetries(registry);
  }
}
