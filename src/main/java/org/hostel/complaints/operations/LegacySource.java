package org.hostel.complaints.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * The old Python system's database, read only: its SQLite file or a PostgreSQL URL. Its schema is
 * {@code fastapi-backend/app/models.py} of telegram-complaint-system: ids are UUID strings, enums
 * their names, times naive UTC text on SQLite and {@code timestamptz} on PostgreSQL.
 */
final class LegacySource implements AutoCloseable {

  record Hostel(String id, String slug, String displayName) {}

  record Porter(
      String id,
      String fullName,
      @Nullable String phone,
      @Nullable String email,
      @Nullable String role,
      boolean active,
      @Nullable Instant createdAt) {}

  record Complaint(
      String id,
      @Nullable String telegramUserId,
      @Nullable String hostel,
      @Nullable String wing,
      @Nullable String roomNumber,
      @Nullable String category,
      @Nullable String description,
      @Nullable String severity,
      @Nullable String status,
      @Nullable String assignedPorterId,
      @Nullable Instant createdAt,
      @Nullable Instant updatedAt) {}

  record Audit(
      long id,
      String complaintId,
      @Nullable String assignedBy,
      @Nullable String assignedTo,
      @Nullable Instant createdAt) {}

  record Photo(
      String id,
      String complaintId,
      @Nullable String fileUrl,
      @Nullable String fileName,
      @Nullable String s3Key) {}

  private final Connection connection;

  private LegacySource(Connection connection) {
    this.connection = connection;
  }

  /** Opens {@code from}: a {@code jdbc:postgresql:} URL, or the path of a SQLite file. */
  static LegacySource open(String from) throws SQLException {
    if (from.startsWith("jdbc:postgresql:")) {
      Connection connection = DriverManager.getConnection(from);
      connection.setReadOnly(true);
      return new LegacySource(connection);
    }
    Path file = Path.of(from);
    if (!Files.isRegularFile(file)) {
      throw new SQLException(from + " is neither a SQLite file nor a jdbc:postgresql: URL");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    return new LegacySource(
        DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties()));
  }

  List<Hostel> hostels() throws SQLException {
    return query(
        "SELECT id, slug, display_name FROM hostels ORDER BY slug",
        rs -> new Hostel(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  List<Porter> porters() throws SQLException {
    return query(
        "SELECT id, full_name, phone, email, role, active, created_at FROM porters ORDER BY"
            + " created_at, id",
        LegacySource::porter);
  }

  private static Porter porter(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    String name = rs.getString(2);
    return new Porter(
        id,
        name,
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBoolean(6),
        time(rs.getObject(7)));
  }

  List<Complaint> complaints() throws SQLException {
    return query(
        "SELECT id, telegram_user_id, hostel, wing, room_number, CAST(category AS TEXT),"
            + " description, CAST(severity AS TEXT), CAST(status AS TEXT),"
            + " CAST(assigned_porter_id AS TEXT), created_at, updated_at FROM complaints"
            + " ORDER BY created_at, id",
        rs -> {
          String[] t = new String[10];
          for (int i = 0; i < t.length; i++) {
            t[i] = rs.getString(i + 1);
          }
          return new Complaint(
              t[0],
              t[1],
              t[2],
              t[3],
              t[4],
              t[5],
              t[6],
              t[7],
              t[8],
              t[9],
              time(rs.getObject(11)),
              time(rs.getObject(12)));
        });
  }

  List<Audit> audits() throws SQLException {
    return query(
        "SELECT id, complaint_id, assigned_by, assigned_to, created_at FROM assignment_audits"
            + " ORDER BY created_at, id",
        rs ->
            new Audit(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                time(rs.getObject(5))));
  }

  List<Photo> photos() throws SQLException {
    return query(
        "SELECT id, complaint_id, file_url, file_name, s3_key FROM photos ORDER BY created_at, id",
        rs ->
            new Photo(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> row) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(row.map(rs));
      }
    }
    return rows;
  }

  /** A time as either driver gives it: a timestamp, or text with or without an offset (UTC). */
  static @Nullable Instant time(@Nullable Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(text.replaceAll("([+-]\\d\\d)$", "$1:00")).toInstant();
    } catch (java.time.format.DateTimeParseException noOffset) {
      return LocalDateTime.parse(text.replace("Z", "")).toInstant(ZoneOffset.UTC);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
