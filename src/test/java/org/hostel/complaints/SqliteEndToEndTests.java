package org.hostel.complaints;

import org.hostel.complaints.testing.TestSetup;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end suite on the embedded default. */
class SqliteEndToEndTests extends EndToEndSuite {

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
  }
}
