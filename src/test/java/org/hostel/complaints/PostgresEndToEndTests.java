package org.hostel.complaints;

import org.hostel.complaints.testing.TestSetup;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end suite on the running PostgreSQL server, in a database of its own. */
class PostgresEndToEndTests extends EndToEndSuite {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestSetup.postgres(registry);
  }
}
