package org.hostel.complaints.operations;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.storage.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One old complaint as this service stores it. Old values are mapped the way the old system's own
 * migrations did ({@code structural} → {@code carpentry}, {@code common_area} → {@code
 * metalworks}); statuses this service has not ({@code on_hold}, {@code rejected}) become the
 * nearest it has; what cannot be mapped is skipped with its reason.
 */
record LegacyComplaint(
    LegacySource.Complaint old,
    String hostel,
    String wing,
    String room,
    String category,
    String description,
    String severity,
    String status,
    @Nullable UUID porter,
    @Nullable String reporter,
    long createdAt,
    long updatedAt) {

  private static final Map<String, String> OLD_CATEGORIES =
      Map.of("structural", "carpentry", "common_area", "metalworks");
  private static final Map<String, String> OLD_STATUSES =
      Map.of(
          "reported", "reported",
          "in_progress", "in_progress",
          "resolved", "resolved",
          "closed", "closed",
          "on_hold", "in_progress",
          "rejected", "closed");
  private static final List<String> SEVERITIES = List.of("low", "medium", "high");
  private static final String KIND = "complaints";

  /** The mapped complaint, or null when it is skipped (the reason is then in the report). */
  static @Nullable LegacyComplaint map(
      LegacySource.Complaint old,
      Map<String, String> hostels,
      Map<String, UUID> staff,
      Reporting catalog,
      ImportReport report) {
    String hostel =
        old.hostel() == null ? null : hostels.get(old.hostel().strip().toLowerCase(Locale.ROOT));
    if (hostel == null) {
      report.skipped(KIND, "unknown hostel (neither in the catalog nor the old hostels table)");
      return null;
    }
    if (old.roomNumber() == null || old.roomNumber().isBlank()) {
      report.skipped(KIND, "no room number");
      return null;
    }
    String status = OLD_STATUSES.get(lower(old.status()));
    if (status == null) {
      report.skipped(KIND, "unknown status");
      return null;
    }
    if (old.description() == null || old.description().isBlank()) {
      report.skipped(KIND, "no description");
      return null;
    }
    if (!status.equals(lower(old.status()))) {
      report.note(KIND, "status " + lower(old.status()) + " imported as " + status);
    }
    String room = old.roomNumber().strip().toUpperCase(Locale.ROOT);
    if (catalog.room(room).isEmpty()) {
      report.note(KIND, "room does not fit the room format (kept as it was)");
    }
    String category = OLD_CATEGORIES.getOrDefault(lower(old.category()), lower(old.category()));
    if (!catalog.categories().contains(category)) {
      report.note(KIND, "unknown category imported as other");
      category = "other";
    } else if (!category.equals(lower(old.category()))) {
      report.note(KIND, "category " + lower(old.category()) + " imported as " + category);
    }
    String severity = lower(old.severity());
    if (!SEVERITIES.contains(severity)) {
      report.note(KIND, "unknown severity imported as medium");
      severity = "medium";
    }
    UUID porter = old.assignedPorterId() == null ? null : staff.get(old.assignedPorterId());
    if (old.assignedPorterId() != null && porter == null) {
      report.note(KIND, "assigned to an unknown porter: imported unassigned");
    }
    String reporter = old.telegramUserId();
    if (reporter != null && !reporter.strip().matches("[0-9]{1,20}")) {
      report.note(KIND, "telegram user id is not a number: left out");
      reporter = null;
    }
    String wing =
        old.wing() == null || !old.wing().strip().matches("[A-Za-z0-9]{1,8}")
            ? room.substring(0, 1)
            : old.wing().strip().toUpperCase(Locale.ROOT);
    long created = LegacyImport.millis(old.createdAt());
    long updated = Math.max(created, LegacyImport.millis(old.updatedAt()));
    return new LegacyComplaint(
        old,
        hostel,
        wing,
        room,
        category,
        old.description().strip(),
        severity,
        status,
        porter,
        reporter == null ? null : reporter.strip(),
        created,
        updated);
  }

  /**
   * Inserts the complaint and the history the old system kept in its own way: created, then each
   * assignment audit, then the status it reached (the old system kept no status history).
   */
  void insert(JdbcClient jdbc, UUID id, List<LegacySource.Audit> audits, Map<String, UUID> staff) {
    jdbc.sql(
            "INSERT INTO complaints (id, telegram_user_id, hostel, wing, room_number, category,"
                + " description, severity, status, assigned_porter_id, created_by, version,"
                + " created_at, updated_at, external_ref) VALUES (:id, :reporter, :hostel, :wing,"
                + " :room, :category, :description, :severity, :status, :porter, NULL, 1,"
                + " :created, :updated, :ref)")
        .param("id", id.toString())
        .param("reporter", reporter)
        .param("hostel", hostel)
        .param("wing", wing)
        .param("room", room)
        .param("category", category)
        .param("description", description)
        .param("severity", severity)
        .param("status", status)
        .param("porter", porter == null ? null : porter.toString())
        .param("created", createdAt)
        .param("updated", updatedAt)
        .param("ref", old.id())
        .update();
    history(jdbc, id, createdAt, null, "created", null, "reported", null);
    String before = null;
    for (LegacySource.Audit audit : audits) {
      UUID to = audit.assignedTo() == null ? null : staff.get(audit.assignedTo());
      UUID by = audit.assignedBy() == null ? null : staff.get(audit.assignedBy());
      String after = to == null ? null : to.toString();
      long at = Math.max(createdAt, LegacyImport.millis(audit.createdAt()));
      history(jdbc, id, at, by, "assignment", before, after, "audit:" + audit.id());
      before = after;
    }
    if (!"reported".equals(status)) {
      history(jdbc, id, updatedAt, null, "status", "reported", status, null);
    }
  }

  private static void history(
      JdbcClient jdbc,
      UUID complaint,
      long at,
      @Nullable UUID actor,
      String action,
      @Nullable String from,
      @Nullable String to,
      @Nullable String ref) {
    jdbc.sql(
            "INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value,"
                + " to_value, external_ref) VALUES (:id, :complaint, :at, :actor, :action, :from,"
                + " :to, :ref)")
        .param("id", Ids.newId().toString())
        .param("complaint", complaint.toString())
        .param("at", at)
        .param("actor", actor == null ? null : actor.toString())
        .param("action", action)
        .param("from", from)
        .param("to", to)
        .param("ref", ref)
        .update();
  }

  private static String lower(@Nullable String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}
