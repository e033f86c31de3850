package org.hostel.complaints.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A list request's filters and order as they arrive, bound from the query string of the list and of
 * the export (one set of names for both); every one is optional. It checks itself: an unknown value
 * is a 422 naming every bad field, never an empty page.
 */
record ComplaintQuery(
    @Nullable String status,
    @Nullable String hostel,
    @Nullable String category,
    @Nullable String severity,
    @BindParam("telegram_user_id") @Nullable String telegramUserId,
    @BindParam("assigned_porter_id") @Nullable String assignedPorterId,
    @Nullable String q,
    @Nullable String sort,
    @Nullable String priority,
    @BindParam("due_before") @Nullable String dueBefore,
    @Nullable String channel) {

  /** One Telegram reporter's complaints, newest first. */
  static ComplaintQuery reportedBy(String telegramUserId) {
    return new ComplaintQuery(
        null, null, null, null, telegramUserId, null, null, "-created_at", null, null, null);
  }

  /** The filters in their stored form, narrowed to the rows {@code visibility} admits. */
  ComplaintRepository.Filter filter(Catalog catalog, ComplaintPolicy.Condition visibility) {
    List<FieldProblem> problems = new ArrayList<>();
    Status status =
        parse(
            this.status, problems, "status", "must be one of " + Status.names(), Status::fromValue);
    Severity severity =
        parse(
            this.severity,
            problems,
            "severity",
            "must be one of low, medium, high",
            Severity::fromValue);
    Channel channel =
        parse(
            this.channel,
            problems,
            "channel",
            "must be one of " + Channel.names(),
            Channel::fromValue);
    String hostel =
        known(
            this.hostel,
            given -> catalog.hostel(given).map(Catalog.Hostel::slug),
            problems,
            "hostel",
            "is not a known hostel");
    String category =
        known(
            this.category,
            catalog::category,
            problems,
            "category",
            "must be one of " + String.join(", ", catalog.categories()));
    if (telegramUserId != null && !telegramUserId.matches("[0-9]{1,20}")) {
      problems.add(new FieldProblem("telegram_user_id", "must be 1 to 20 digits"));
    }
    Priority priority =
        parse(
            this.priority,
            problems,
            "priority",
            "must be one of " + Priority.names(),
            Priority::fromValue);
    UUID assignee =
        parse(
            assignedPorterId,
            problems,
            "assigned_porter_id",
            "must be a staff member's id",
            UUID::fromString);
    Instant dueBefore =
        parse(
            this.dueBefore,
            problems,
            "due_before",
            "must be a time such as 2026-05-01T12:00:00Z",
            java.time.Instant::parse);
    String text = q == null || q.isBlank() ? null : q.strip();
    if (text != null && text.length() > 200) {
      problems.add(new FieldProblem("q", "must be at most 200 characters"));
    }
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
    return new ComplaintRepository.Filter(
        status,
        hostel,
        category,
        severity,
        telegramUserId,
        assignee,
        text,
        visibility,
        priority,
        dueBefore,
        channel);
  }

  /** The order asked for; newest first when none is. */
  SortOrder order() {
    return SortOrder.named(sort == null ? "-created_at" : sort.strip())
        .orElseThrow(
            () ->
                ValidationFailed.of(
                    "sort", "must be one of " + String.join(", ", SortOrder.names())));
  }

  private static <T> @Nullable T parse(
      @Nullable String given,
      List<FieldProblem> problems,
      String field,
      String message,
      Function<String, T> parser) {
    if (given == null) {
      return null;
    }
    try {
      return parser.apply(given.strip());
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      problems.add(new FieldProblem(field, message));
      return null;
    }
  }

  private static @Nullable String known(
      @Nullable String given,
      Function<String, Optional<String>> lookup,
      List<FieldProblem> problems,
      String field,
      String message) {
    if (given == null) {
      return null;
    }
    Optional<String> found = lookup.apply(given);
    if (found.isEmpty()) {
      problems.add(new FieldProblem(field, message));
      return null;
    }
    return found.get();
  }
}
