package org.hostel.complaints.complaint;

import org.hostel.complaints.testing.TestSetup;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard's figures on the embedded default. */
class SqliteStatsTests extends StatsSuite {

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
  }
}
