package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusTests {

  @Test
  void reportedComplaintsCanOnlyBeStarted() {
    assertThat(allowedFrom(Status.REPORTED)).containsExactly(Status.IN_PROGRESS);
  }

  @Test
  void workInProgressCanBeResolvedOrSentBack() {
    assertThat(allowedFrom(Status.IN_PROGRESS))
        .containsExactlyInAnyOrder(Status.RESOLVED, Status.REPORTED);
  }

  @Test
  void resolvedComplaintsCanBeClosedOrReopened() {
    assertThat(allowedFrom(Status.RESOLVED))
        .containsExactlyInAnyOrder(Status.CLOSED, Status.IN_PROGRESS);
  }

  @Test
  void closedIsFinal() {
    assertThat(allowedFrom(Status.CLOSED)).isEmpty();
  }

  @Test
  void onlyResolvedAndClosedCountAsFinishedForPurge() {
    assertThat(EnumSet.allOf(Status.class).stream().filter(Status::isFinished))
        .containsExactlyInAnyOrder(Status.RESOLVED, Status.CLOSED);
  }

  @Test
  void statusesTravelAsLowerCaseWords() {
    assertThat(Status.IN_PROGRESS.value()).isEqualTo("in_progress");
    assertThat(Status.fromValue("in_progress")).isEqualTo(Status.IN_PROGRESS);
  }

  private static Set<Status> allowedFrom(Status from) {
    Set<Status> allowed = EnumSet.noneOf(Status.class);
    for (Status to : Status.values()) {
      if (from.canMoveTo(to)) {
        allowed.add(to);
      }
    }
    return allowed;
  }
}
