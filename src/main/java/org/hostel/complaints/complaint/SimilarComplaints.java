package org.hostel.complaints.complaint;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Open complaints likely to be about the same problem as a complaint or a draft: the same hostel,
 * the same room or wing, the same category, made within the last 14 days, not merged, and visible
 * to the caller; ranked by how much of the text they share (the full-text index, {@link
 * TextSearch}), best first, newest first among equals.
 */
@Service
class SimilarComplaints {

  static final Duration WINDOW = Duration.ofDays(14);
  static final int LIMIT = 10;

  private final ComplaintRepository complaints;
  private final ComplaintService service;
  private final ComplaintPolicy policy;
  private final Catalog catalog;
  private final JdbcClient jdbc;
  private final Clock clock;

  SimilarComplaints(
      ComplaintRepository complaints,
      ComplaintService service,
      ComplaintPolicy policy,
      Catalog catalog,
      JdbcClient jdbc,
      Clock clock) {
    this.complaints = complaints;
    this.service = service;
    this.policy = policy;
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A complaint being written: where and what, nothing stored yet. */
  record Draft(
      String hostel, @Nullable String wing, String roomNumber, String category, String text) {}

  record Scored(Complaint complaint, double score) {}

  List<Scored> similarTo(Caller caller, UUID id) {
    Complaint c = service.visible(caller, id);
    return find(
        caller,
        new Draft(c.hostel(), c.wing(), c.roomNumber(), c.category(), c.description()),
        c.id());
  }

  List<Scored> similarTo(Caller caller, Draft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    var hostel = catalog.hostel(draft.hostel());
    var category = catalog.category(draft.category());
    if (hostel.isEmpty()) {
      problems.add(new FieldProblem("hostel", "is not a known hostel"));
    }
    if (category.isEmpty()) {
      problems.add(
          new FieldProblem(
              "category", "must be one of " + String.join(", ", catalog.categories())));
    }
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
    String room = draft.roomNumber().strip().toUpperCase(java.util.Locale.ROOT);
    String wing =
        draft.wing() == null || draft.wing().isBlank()
            ? room.substring(0, 1)
            : draft.wing().strip().toUpperCase(java.util.Locale.ROOT);
    return find(
        caller, new Draft(hostel.get().slug(), wing, room, category.get(), draft.text()), null);
  }

  private List<Scored> find(Caller caller, Draft d, @Nullable UUID self) {
    return query(
        jdbc, complaints.search(), d, self, policy.visibleTo(caller, "c"), clock.instant());
  }

  /** The query itself, on any database (the benchmark runs it without an application). */
  static List<Scored> query(
      JdbcClient jdbc,
      TextSearch search,
      Draft d,
      @Nullable UUID self,
      ComplaintPolicy.Condition visible,
      java.time.Instant now) {
    Map<String, Object> params = new HashMap<>();
    params.putAll(visible.params());
    params.put("hostel", d.hostel());
    params.put("category", d.category());
    params.put("room", d.roomNumber());
    params.put("wing", d.wing() == null ? "" : d.wing());
    params.put("since", now.minus(WINDOW).toEpochMilli());
    params.put(
        "open",
        List.of(Status.REPORTED.value(), Status.IN_PROGRESS.value(), Status.ON_HOLD.value()));
    params.put("self", self == null ? "" : self.toString());
    params.put("limit", LIMIT);
    return jdbc.sql(sql(search, d.text(), visible, params))
        .params(params)
        .query((rs, n) -> new Scored(ComplaintRows.complaint(rs, n), rs.getDouble("score")))
        .list();
  }

  /** The statement, adding the text's parameters to {@code params}. */
  static String sql(
      TextSearch search,
      String text,
      ComplaintPolicy.Condition visible,
      Map<String, Object> params) {
    String candidates =
        "SELECT c.* FROM complaints c"
            + " WHERE c.hostel = :hostel AND c.category = :category AND c.created_at >= :since"
            + " AND (c.room_number = :room OR c.wing = :wing) AND c.status IN (:open)"
            + " AND c.duplicate_of IS NULL AND c.hidden_at IS NULL AND c.id <> :self AND "
            + visible.sql();
    return search.ranked(candidates, text, params);
  }
}
