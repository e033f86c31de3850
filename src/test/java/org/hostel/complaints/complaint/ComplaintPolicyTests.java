package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hostel.complaints.complaint.Status.CLOSED;
import static org.hostel.complaints.complaint.Status.IN_PROGRESS;
import static org.hostel.complaints.complaint.Status.ON_HOLD;
import static org.hostel.complaints.complaint.Status.REPORTED;
import static org.hostel.complaints.complaint.Status.RESOLVED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The status machine and who may do what, as tables; no database, no server. */
class ComplaintPolicyTests {

  static final ComplaintPolicy policy = new ComplaintPolicy();
  static final UUID ME = UUID.randomUUID();
  static final UUID COLLEAGUE = UUID.randomUUID();
  static final Caller ADMIN = new Caller(Caller.Kind.ADMIN, UUID.randomUUID(), null, null);
  static final Caller PORTER = new Caller(Caller.Kind.PORTER, ME, null, null);
  static final Caller INTEGRATION = Caller.integration();

  // The machine, whoever asks.

  @Test
  void reportedComplaintsCanOnlyBeStarted() {
    assertThat(policy.targets(REPORTED)).containsExactly(IN_PROGRESS);
  }

  @Test
  void workInProgressCanBeResolvedSentBackOrPutOnHold() {
    assertThat(policy.targets(IN_PROGRESS)).containsExactlyInAnyOrder(RESOLVED, REPORTED, ON_HOLD);
  }

  @Test
  void onHoldIsOnlyReleasedBackToWork() {
    assertThat(policy.targets(ON_HOLD)).containsExactly(IN_PROGRESS);
  }

  @Test
  void resolvedComplaintsCanBeClosedOrReopened() {
    assertThat(policy.targets(RESOLVED)).containsExactlyInAnyOrder(CLOSED, IN_PROGRESS);
  }

  @Test
  void closedIsFinal() {
    assertThat(policy.targets(CLOSED)).isEmpty();
    assertThat(EnumSet.allOf(Status.class).stream().filter(policy::isFinal))
        .containsExactly(CLOSED);
  }

  // Who may make which move: caller, whose complaint, its status, the moves offered.

  static Stream<Arguments> moves() {
    return Stream.of(
        Arguments.of(ADMIN, null, REPORTED, List.of(IN_PROGRESS)),
        Arguments.of(ADMIN, COLLEAGUE, IN_PROGRESS, List.of(RESOLVED, REPORTED, ON_HOLD)),
        Arguments.of(ADMIN, COLLEAGUE, ON_HOLD, List.of(IN_PROGRESS)),
        Arguments.of(ADMIN, COLLEAGUE, RESOLVED, List.of(CLOSED, IN_PROGRESS)),
        Arguments.of(ADMIN, null, CLOSED, List.of()),
        Arguments.of(PORTER, ME, REPORTED, List.of(IN_PROGRESS)),
        Arguments.of(PORTER, ME, IN_PROGRESS, List.of(RESOLVED, REPORTED, ON_HOLD)),
        Arguments.of(PORTER, ME, ON_HOLD, List.of(IN_PROGRESS)),
        Arguments.of(INTEGRATION, COLLEAGUE, ON_HOLD, List.of()),
        Arguments.of(PORTER, ME, RESOLVED, List.of(IN_PROGRESS)),
        Arguments.of(PORTER, ME, CLOSED, List.of()),
        Arguments.of(PORTER, null, REPORTED, List.of()),
        Arguments.of(PORTER, null, IN_PROGRESS, List.of()),
        Arguments.of(PORTER, COLLEAGUE, IN_PROGRESS, List.of()),
        Arguments.of(INTEGRATION, null, REPORTED, List.of()),
        Arguments.of(INTEGRATION, COLLEAGUE, IN_PROGRESS, List.of()),
        Arguments.of(INTEGRATION, COLLEAGUE, RESOLVED, List.of(CLOSED, IN_PROGRESS)),
        Arguments.of(INTEGRATION, null, CLOSED, List.of()));
  }

  @ParameterizedTest(name = "{0} on {2} assigned to {1}: {3}")
  @MethodSource("moves")
  void eachCallerIsOfferedTheMovesTheyMayMake(
      Caller caller, @Nullable UUID assignee, Status status, List<Status> offered) {
    assertThat(policy.allowedTransitions(caller, complaint(status, assignee)))
        .containsExactlyElementsOf(offered);
  }

  @Test
  void theMovesOfferedAreExactlyTheMovesAccepted() {
    for (Caller caller : callers()) {
      for (UUID assignee : assignees()) {
        for (Status status : Status.values()) {
          Complaint c = complaint(status, assignee);
          List<Status> accepted = new ArrayList<>();
          for (Status target : Status.values()) {
            if (target != status && outcome(() -> policy.checkMove(caller, c, target)) == 0) {
              accepted.add(target);
            }
          }
          assertThat(policy.allowedTransitions(caller, c))
              .as("%s on %s", caller.kind(), c)
              .containsExactlyInAnyOrderElementsOf(accepted);
        }
      }
    }
  }

  @Test
  void porterCannotCloseAComplaint() {
    assertThatThrownBy(() -> policy.checkMove(PORTER, complaint(RESOLVED, ME), CLOSED))
        .isInstanceOf(AccessDenied.class)
        .hasMessageContaining("closed");
  }

  @Test
  void theIntegrationOnlyConfirmsOrReopensAResolvedComplaintForItsReporter() {
    for (Status status : Status.values()) {
      for (Status target : Status.values()) {
        int expected;
        if (target != CLOSED && target != IN_PROGRESS) {
          expected = 403;
        } else if (status == target || status == RESOLVED) {
          expected = 0;
        } else {
          expected = policy.targets(status).contains(target) ? 403 : 400;
        }
        assertThat(outcome(() -> policy.checkMove(INTEGRATION, complaint(status, ME), target)))
            .as("%s -> %s", status, target)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void otherPortersMoveNothing() {
    for (Status status : Status.values()) {
      for (Status target : Status.values()) {
        assertThat(outcome(() -> policy.checkMove(PORTER, complaint(status, COLLEAGUE), target)))
            .isEqualTo(403);
        assertThat(outcome(() -> policy.checkMove(PORTER, complaint(status, null), target)))
            .isEqualTo(403);
      }
    }
  }

  @Test
  void aMoveTheMachineDoesNotHaveIsABadRequestEvenForAnAdmin() {
    assertThat(outcome(() -> policy.checkMove(ADMIN, complaint(REPORTED, null), CLOSED)))
        .isEqualTo(400);
    assertThat(outcome(() -> policy.checkMove(ADMIN, complaint(CLOSED, null), REPORTED)))
        .isEqualTo(400);
    assertThat(outcome(() -> policy.checkMove(PORTER, complaint(REPORTED, ME), RESOLVED)))
        .isEqualTo(400);
  }

  @Test
  void askingForTheCurrentStatusPassesForWhoeverCouldMoveThere() {
    assertThat(outcome(() -> policy.checkMove(ADMIN, complaint(CLOSED, null), CLOSED))).isZero();
    assertThat(outcome(() -> policy.checkMove(PORTER, complaint(IN_PROGRESS, ME), IN_PROGRESS)))
        .isZero();
    assertThat(outcome(() -> policy.checkMove(PORTER, complaint(CLOSED, ME), CLOSED)))
        .isEqualTo(403);
  }

  // Assignment.

  static Stream<Arguments> assignments() {
    return Stream.of(
        Arguments.of(ADMIN, null, REPORTED, true),
        Arguments.of(ADMIN, COLLEAGUE, RESOLVED, true),
        Arguments.of(ADMIN, COLLEAGUE, CLOSED, false),
        Arguments.of(PORTER, null, REPORTED, true),
        Arguments.of(PORTER, null, IN_PROGRESS, true),
        Arguments.of(PORTER, null, CLOSED, false),
        Arguments.of(PORTER, ME, IN_PROGRESS, false),
        Arguments.of(PORTER, COLLEAGUE, IN_PROGRESS, false),
        Arguments.of(INTEGRATION, null, REPORTED, false));
  }

  @ParameterizedTest(name = "{0} on {2} assigned to {1}: {3}")
  @MethodSource("assignments")
  void adminsAssignOpenComplaintsAndPortersTakeUnassignedOnes(
      Caller caller, @Nullable UUID assignee, Status status, boolean may) {
    assertThat(policy.canAssign(caller, complaint(status, assignee))).isEqualTo(may);
  }

  @Test
  void canAssignIsTrueExactlyWhenSomeRealReassignmentIsAccepted() {
    List<@Nullable UUID> targets = new ArrayList<>(assignees());
    targets.add(ADMIN.staffId());
    for (Caller caller : callers()) {
      for (UUID assignee : assignees()) {
        for (Status status : Status.values()) {
          Complaint c = complaint(status, assignee);
          boolean accepted =
              targets.stream()
                  .filter(t -> !Objects.equals(t, assignee))
                  .anyMatch(t -> outcome(() -> policy.checkAssignment(caller, c, t)) == 0);
          assertThat(policy.canAssign(caller, c))
              .as("%s on %s", caller.kind(), c)
              .isEqualTo(accepted);
        }
      }
    }
  }

  @Test
  void aFinalComplaintCannotBeReassignedButNamingItsAssigneeChangesNothing() {
    assertThat(outcome(() -> policy.checkAssignment(ADMIN, complaint(CLOSED, ME), COLLEAGUE)))
        .isEqualTo(400);
    assertThat(outcome(() -> policy.checkAssignment(ADMIN, complaint(CLOSED, ME), ME))).isZero();
  }

  @Test
  void portersAssignOnlyThemselvesAndOnlyWhatIsFree() {
    assertThat(outcome(() -> policy.checkAssignment(PORTER, complaint(REPORTED, null), COLLEAGUE)))
        .isEqualTo(403);
    assertThat(outcome(() -> policy.checkAssignment(PORTER, complaint(REPORTED, ME), null)))
        .isEqualTo(403);
    assertThat(outcome(() -> policy.checkAssignment(PORTER, complaint(REPORTED, COLLEAGUE), ME)))
        .isEqualTo(403);
    assertThat(outcome(() -> policy.checkAssignment(INTEGRATION, complaint(REPORTED, null), ME)))
        .isEqualTo(403);
  }

  // Visibility: the check and the audience of events agree.

  @Test
  void portersSeeTheirOwnAndUnassignedComplaintsEveryoneElseSeesAll() {
    assertThat(policy.canSee(PORTER, complaint(REPORTED, ME))).isTrue();
    assertThat(policy.canSee(PORTER, complaint(REPORTED, null))).isTrue();
    assertThat(policy.canSee(PORTER, complaint(REPORTED, COLLEAGUE))).isFalse();
    for (UUID assignee : assignees()) {
      assertThat(policy.canSee(ADMIN, complaint(CLOSED, assignee))).isTrue();
      assertThat(policy.canSee(INTEGRATION, complaint(CLOSED, assignee))).isTrue();
    }
  }

  @Test
  void anEventReachesExactlyThePortersWhoMaySeeTheComplaint() {
    for (UUID assignee : assignees()) {
      Complaint c = complaint(IN_PROGRESS, assignee);
      for (UUID porter : List.of(ME, COLLEAGUE, UUID.randomUUID())) {
        assertThat(policy.audience(c).includes(porter))
            .as("porter %s, complaint assigned to %s", porter, assignee)
            .isEqualTo(policy.canSee(new Caller(Caller.Kind.PORTER, porter, null, null), c));
      }
    }
  }

  @Test
  void theLosingPorterIsAddedToAnAudienceOnlyWhenTheyWouldNotHearAnyway() {
    assertThat(policy.audience(complaint(REPORTED, ME)).and(COLLEAGUE).porters())
        .containsExactlyInAnyOrder(ME, COLLEAGUE);
    assertThat(policy.audience(complaint(REPORTED, null)).and(COLLEAGUE))
        .isEqualTo(new ComplaintPolicy.Audience(true, Set.of()));
  }

  static List<Caller> callers() {
    return List.of(ADMIN, PORTER, INTEGRATION);
  }

  static List<@Nullable UUID> assignees() {
    List<@Nullable UUID> all = new ArrayList<>();
    all.add(null);
    all.add(ME);
    all.add(COLLEAGUE);
    return all;
  }

  static Complaint complaint(Status status, @Nullable UUID assignee) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return new Complaint(
        UUID.randomUUID(),
        0,
        null,
        "block-a",
        "A",
        "A101",
        "plumbing",
        "Tap dripping all night",
        Severity.LOW,
        status,
        assignee,
        null,
        1,
        at,
        at,
        Priority.NORMAL,
        null,
        Sla.NONE);
  }

  /** The status a check answers with: 0 when it passes. */
  static int outcome(Runnable check) {
    try {
      check.run();
      return 0;
    } catch (ApiException e) {
      return e.status().value();
    }
  }
}
