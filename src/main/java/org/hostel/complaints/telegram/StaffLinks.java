package org.hostel.complaints.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff members' linked chats, their alert switches, and the one-time link codes. */
class StaffLinks {

  /** What one staff member gets in Telegram. */
  enum Alert {
    ASSIGNMENTS("alert_assignments"),
    URGENT("alert_urgent"),
    REOPENED("alert_reopened");

    final String column;

    Alert(String column) {
      this.column = column;
    }
  }

  /** A linked staff member and their switches. */
  record Link(UUID staffId, long chatId, boolean assignments, boolean urgent, boolean reopened) {
    boolean wants(Alert alert) {
      return switch (alert) {
        case ASSIGNMENTS -> assignments;
        case URGENT -> urgent;
        case REOPENED -> reopened;
      };
    }
  }

  private static final String COLUMNS =
      "staff_id, chat_id, alert_assignments, alert_urgent, alert_reopened";

  private final JdbcClient jdbc;

  StaffLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void addCode(String code, UUID staffId, Instant expiresAt) {
    jdbc.sql("INSERT INTO telegram_link_codes (code, staff_id, expires_at) VALUES (:c, :s, :e)")
        .param("c", code)
        .param("s", staffId.toString())
        .param("e", expiresAt.toEpochMilli())
        .update();
  }

  /** Uses up a code: the staff member it was made for, if it is still valid. */
  Optional<UUID> consume(String code, Instant now) {
    return jdbc.sql(
            "DELETE FROM telegram_link_codes WHERE code = :c AND expires_at > :now RETURNING staff_id")
        .param("c", code)
        .param("now", now.toEpochMilli())
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .optional();
  }

  /** Links the chat to the staff member, unlinking it from anyone else. */
  void link(UUID staffId, long chatId, Instant now) {
    jdbc.sql("DELETE FROM telegram_staff WHERE chat_id = :chat OR staff_id = :s")
        .param("chat", chatId)
        .param("s", staffId.toString())
        .update();
    jdbc.sql("INSERT INTO telegram_staff (staff_id, chat_id, linked_at) VALUES (:s, :chat, :now)")
        .param("s", staffId.toString())
        .param("chat", chatId)
        .param("now", now.toEpochMilli())
        .update();
  }

  Optional<Link> byChat(long chatId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM telegram_staff WHERE chat_id = :chat")
        .param("chat", chatId)
        .query(StaffLinks::link)
        .optional();
  }

  Optional<Link> byStaff(UUID staffId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM telegram_staff WHERE staff_id = :s")
        .param("s", staffId.toString())
        .query(StaffLinks::link)
        .optional();
  }

  List<Link> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM telegram_staff").query(StaffLinks::link).list();
  }

  void toggle(UUID staffId, Alert alert) {
    jdbc.sql(
            "UPDATE telegram_staff SET "
                + alert.column
                + " = NOT "
                + alert.column
                + " WHERE staff_id = :s")
        .param("s", staffId.toString())
        .update();
  }

  private static Link link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Link(
        UUID.fromString(rs.getString(1)),
        rs.getLong(2),
        rs.getBoolean(3),
        rs.getBoolean(4),
        rs.getBoolean(5));
  }
}
