package org.hostel.complaints.outbox;

import org.hostel.complaints.testing.TestSetup;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox on the embedded default. */
class SqliteOutboxTests extends OutboxSuite {

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    quickRetries(registry);
  }
}
