package org.hostel.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.testing.BothDatabases;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's capped count and its cursors on both databases: the count is exact up to the cap and
 * says when it stopped; walking cursors visits every row once in every order, ties and missing due
 * dates included, stays put while complaints arrive, and keeps to what a porter may see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintListingTests {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  private final BothDatabases databases = new BothDatabases();
  private final ComplaintPolicy policy = new ComplaintPolicy();

  Stream<JdbcClient> vendors() {
    return databases.clients().stream();
  }

  @AfterAll
  void close() {
    databases.close();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void theCountIsExactUpToTheCapAndSaysSoBeyondIt(JdbcClient jdbc) {
    ComplaintRepository complaints = new ComplaintRepository(jdbc);
    String hostel = "cap-" + UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      complaints.insert(complaint(hostel, null, i, Severity.LOW, Priority.NORMAL, null));
    }
    ComplaintListing listing = complaints.listing(null);
    ComplaintRepository.Filter filter = inHostel(hostel, everyone());

    assertThat(listing.count(filter, 6)).isEqualTo(new ComplaintListing.Count(5, true));
    assertThat(listing.count(filter, 5)).isEqualTo(new ComplaintListing.Count(5, true));
    assertThat(listing.count(filter, 4)).isEqualTo(new ComplaintListing.Count(4, false));
    assertThat(listing.count(filter, 1)).isEqualTo(new ComplaintListing.Count(1, false));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void walkingCursorsVisitsEveryRowOnceInEveryOrder(JdbcClient jdbc) {
    ComplaintRepository complaints = new ComplaintRepository(jdbc);
    String hostel = "walk-" + UUID.randomUUID();
    Severity[] severities = Severity.values();
    Priority[] priorities = Priority.values();
    for (int i = 0; i < 23; i++) {
      // Every third shares its created_at with the one before (ties broken by id); some have no
      // due date, which sorts last.
      int minute = i - i / 3;
      Instant due = i % 4 == 0 ? null : START.plusSeconds(3600L * (i % 5));
      complaints.insert(
          complaint(
              hostel,
              null,
              minute,
              severities[i % severities.length],
              priorities[i % priorities.length],
              due));
    }
    ComplaintListing listing = complaints.listing(null);
    ComplaintRepository.Filter filter = inHostel(hostel, everyone());
    ComplaintRepository.Filter search =
        new ComplaintRepository.Filter(
            null, hostel, null, null, null, null, "window", everyone(), null, null, null);
    for (SortOrder order : SortOrder.values()) {
      List<UUID> whole = ids(listing.page(filter, order, 100, 0, null, false).items());
      assertThat(whole).as("%s in one page", order).hasSize(23);
      assertThat(walk(listing, filter, order, 4)).as("%s by cursor", order).isEqualTo(whole);
      assertThat(walk(listing, search, order, 4, true))
          .as("%s, a search's few matches gathered first", order)
          .isEqualTo(whole);
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aCursorStaysPutWhileNewComplaintsArrive(JdbcClient jdbc) {
    ComplaintRepository complaints = new ComplaintRepository(jdbc);
    String hostel = "arrive-" + UUID.randomUUID();
    for (int i = 0; i < 10; i++) {
      complaints.insert(complaint(hostel, null, i, Severity.LOW, Priority.NORMAL, null));
    }
    ComplaintListing listing = complaints.listing(null);
    ComplaintRepository.Filter filter = inHostel(hostel, everyone());
    List<UUID> before = ids(listing.page(filter, SortOrder.NEWEST, 10, 0, null, false).items());
    ComplaintListing.Rows first = listing.page(filter, SortOrder.NEWEST, 5, 0, null, false);

    for (int i = 0; i < 3; i++) {
      complaints.insert(complaint(hostel, null, 100 + i, Severity.LOW, Priority.NORMAL, null));
    }
    ComplaintListing.Rows second =
        listing.page(filter, SortOrder.NEWEST, 5, 0, first.next(), false);
    ComplaintListing.Rows byOffset = listing.page(filter, SortOrder.NEWEST, 5, 5, null, false);

    assertThat(ids(second.items())).isEqualTo(before.subList(5, 10));
    assertThat(second.next()).isNull();
    assertThat(ids(byOffset.items())).as("an offset shifts").containsAll(before.subList(2, 5));
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aPorterWalkingCursorsSeesTheirOwnAndUnassignedOnly(JdbcClient jdbc) {
    ComplaintRepository complaints = new ComplaintRepository(jdbc);
    String hostel = "porter-" + UUID.randomUUID();
    UUID porter = VisibilitySqlTests.staff(jdbc);
    UUID colleague = VisibilitySqlTests.staff(jdbc);
    List<UUID> visible = new ArrayList<>();
    UUID[] assignees = {null, porter, colleague};
    for (int i = 0; i < 12; i++) {
      Complaint c = complaint(hostel, assignees[i % 3], i, Severity.LOW, Priority.NORMAL, null);
      complaints.insert(c);
      if (c.assignedPorterId() != colleague) {
        visible.add(0, c.id());
      }
    }
    Caller caller = new Caller(Caller.Kind.PORTER, porter, null, null);
    ComplaintRepository.Filter filter = inHostel(hostel, policy.visibleTo(caller, "c"));
    ComplaintListing listing = complaints.listing(null);

    assertThat(walk(listing, filter, SortOrder.NEWEST, 3)).isEqualTo(visible);
    assertThat(listing.count(filter, 100)).isEqualTo(new ComplaintListing.Count(8, true));
  }

  @Test
  void aCursorIsRefusedForAnotherSortOrWhenMangled() {
    String cursor =
        new Keyset(SortOrder.NEWEST, List.of(1L, UUID.randomUUID().toString())).cursor();

    assertThat(Keyset.parse(cursor, SortOrder.NEWEST).values()).hasSize(2);
    assertThatThrownBy(() -> Keyset.parse(cursor, SortOrder.OLDEST))
        .isInstanceOf(ValidationFailed.class);
    assertThatThrownBy(() -> Keyset.parse(cursor, SortOrder.DUE))
        .isInstanceOf(ValidationFailed.class);
    assertThatThrownBy(() -> Keyset.parse("%%%", SortOrder.NEWEST))
        .isInstanceOf(ValidationFailed.class);
    assertThatThrownBy(() -> Keyset.parse(cursor.substring(3), SortOrder.NEWEST))
        .isInstanceOf(ValidationFailed.class);
  }

  private static List<UUID> walk(
      ComplaintListing listing, ComplaintRepository.Filter filter, SortOrder order, int size) {
    return walk(listing, filter, order, size, false);
  }

  private static List<UUID> walk(
      ComplaintListing listing,
      ComplaintRepository.Filter filter,
      SortOrder order,
      int size,
      boolean few) {
    List<UUID> seen = new ArrayList<>();
    Keyset after = null;
    do {
      ComplaintListing.Rows rows =
          listing.page(
              filter,
              order,
              size,
              0,
              after == null ? null : Keyset.parse(after.cursor(), order),
              few);
      seen.addAll(ids(rows.items()));
      after = rows.next();
    } while (after != null && seen.size() <= 100);
    return seen;
  }

  private static List<UUID> ids(List<Complaint> complaints) {
    return complaints.stream().map(Complaint::id).toList();
  }

  private static ComplaintPolicy.Condition everyone() {
    return new ComplaintPolicy.Condition("1 = 1", Map.of());
  }

  private static ComplaintRepository.Filter inHostel(
      String hostel, ComplaintPolicy.Condition visibility) {
    return new ComplaintRepository.Filter(
        null, hostel, null, null, null, null, null, visibility, null, null, null);
  }

  private static Complaint complaint(
      String hostel,
      @Nullable UUID assignee,
      int minute,
      Severity severity,
      Priority priority,
      @Nullable Instant due) {
    Instant at = START.plusSeconds(60L * minute);
    return new Complaint(
        Ids.newId(),
        0,
        null,
        hostel,
        "A",
        "A101",
        "plumbing",
        "Window will not close",
        severity,
        Status.REPORTED,
        assignee,
        null,
        1,
        at,
        at,
        priority,
        null,
        new Sla(due, null, null, null, null, null, null, 0));
  }
}
