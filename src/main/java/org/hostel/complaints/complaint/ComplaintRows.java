package org.hostel.complaints.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A {@code complaints} row read back as a {@link Complaint}, for every query that selects one. */
final class ComplaintRows {

  private ComplaintRows() {}

  static Complaint complaint(ResultSet rs, int row) throws SQLException {
    return new Complaint(
        UUID.fromString(rs.getString("id")),
        rs.getLong("reference"),
        rs.getString("telegram_user_id"),
        rs.getString("hostel"),
        rs.getString("wing"),
        rs.getString("room_number"),
        rs.getString("category"),
        rs.getString("description"),
        Severity.fromValue(rs.getString("severity")),
        Status.fromValue(rs.getString("status")),
        uuid(rs.getString("assigned_porter_id")),
        uuid(rs.getString("created_by")),
        rs.getLong("version"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        Priority.fromValue(rs.getString("priority")),
        rs.getString("hold_reason"),
        new Sla(
            instant(rs, "response_due_at"),
            instant(rs, "resolution_due_at"),
            instant(rs, "response_warn_at"),
            instant(rs, "resolution_warn_at"),
            instant(rs, "responded_at"),
            instant(rs, "resolved_at"),
            instant(rs, "held_since"),
            rs.getLong("paused_ms")));
  }

  /** The id in a nullable text column. */
  static @Nullable UUID uuid(@Nullable String text) {
    return text == null ? null : UUID.fromString(text);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }
}
