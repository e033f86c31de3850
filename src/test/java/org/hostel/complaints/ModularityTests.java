package org.hostel.complaints;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

  @Test
  void featuresOnlyUseEachOthersPublicApiAndFormNoCycles() {
    ApplicationModules.of(ComplaintsApplication.class).verify();
  }
}
