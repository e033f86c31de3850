package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.TestSetup;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard's figures on PostgreSQL. */
class PostgresStatsTests extends StatsSuite {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestSetup.postgres(registry);
  }
}
