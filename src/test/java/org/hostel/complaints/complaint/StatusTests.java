package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StatusTests {

  @Test
  void onlyResolvedAndClosedCountAsFinishedForPurge() {
    assertThat(EnumSet.allOf(Status.class).stream().filter(Status::isFinished))
        .containsExactlyInAnyOrder(Status.RESOLVED, Status.CLOSED);
  }

  @Test
  void theStatusesStillBeingWorkedOnAreTheOpenOnes() {
    assertThat(Status.open()).containsExactly(Status.REPORTED, Status.IN_PROGRESS, Status.ON_HOLD);
  }

  @Test
  void statusesTravelAsLowerCaseWords() {
    assertThat(Status.IN_PROGRESS.value()).isEqualTo("in_progress");
    assertThat(Status.fromValue("in_progress")).isEqualTo(Status.IN_PROGRESS);
  }
}
