package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.EmbeddedContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scheduled purge on the embedded default. */
@EmbeddedContext
class SqliteScheduledPurgeTests extends ScheduledPurgeSuite {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    ownContext(registry);
  }
}
