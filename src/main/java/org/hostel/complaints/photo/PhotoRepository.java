package org.hostel.complaints.photo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PhotoRepository {

  static final String COLUMNS =
      """
      id, complaint_id, state, file_name, mime_type, file_size, width, height, sha256, added_by,
      created_at, expires_at""";

  private final JdbcClient jdbc;

  PhotoRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Photo p) {
    jdbc.sql(
            """
            INSERT INTO photos (id, complaint_id, state, file_name, mime_type, file_size, width,
                height, sha256, added_by, created_at, expires_at)
            VALUES (:id, :complaintId, :state, :fileName, :mimeType, :fileSize, :width, :height,
                :sha256, :addedBy, :createdAt, :expiresAt)
            """)
        .param("id", p.id().toString())
        .param("complaintId", p.complaintId().toString())
        .param("state", p.state().name().toLowerCase(Locale.ROOT))
        .param("fileName", p.fileName())
        .param("mimeType", p.mimeType())
        .param("fileSize", p.fileSize())
        .param("width", p.width())
        .param("height", p.height())
        .param("sha256", p.sha256())
        .param("addedBy", p.addedBy())
        .param("createdAt", p.createdAt().toEpochMilli())
        .param("expiresAt", p.expiresAt() == null ? null : p.expiresAt().toEpochMilli())
        .update();
  }

  /**
   * Turns a pending row into an accepted one, described by its checked original; false when it is
   * no longer pending (cleaned up).
   */
  boolean markProcessing(Photo p) {
    return jdbc.sql(
                """
                UPDATE photos
                SET state = 'processing', mime_type = :mimeType, file_size = :fileSize,
                    width = :width, height = :height, created_at = :createdAt, expires_at = NULL
                WHERE id = :id AND state = 'pending'
                """)
            .param("mimeType", p.mimeType())
            .param("fileSize", p.fileSize())
            .param("width", p.width())
            .param("height", p.height())
            .param("createdAt", p.createdAt().toEpochMilli())
            .param("id", p.id().toString())
            .update()
        == 1;
  }

  Optional<Photo> find(UUID complaintId, UUID id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM photos WHERE id = :id AND complaint_id = :complaintId")
        .param("id", id.toString())
        .param("complaintId", complaintId.toString())
        .query(PhotoRepository::map)
        .optional();
  }

  /** Photos of one complaint that clients see ({@link Photo.State#listed()}), newest first. */
  List<Photo> listed(UUID complaintId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM photos WHERE complaint_id = :complaintId
                  AND state IN ('processing', 'ready', 'failed')
                ORDER BY created_at DESC, id DESC
                """)
        .param("complaintId", complaintId.toString())
        .query(PhotoRepository::map)
        .list();
  }

  /** Ready photos of several complaints, newest first within each. */
  Map<UUID, List<Photo>> ready(Collection<UUID> complaintIds) {
    Map<UUID, List<Photo>> result = new LinkedHashMap<>();
    if (complaintIds.isEmpty()) {
      return result;
    }
    jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM photos WHERE complaint_id IN (:ids) AND state = 'ready'
                ORDER BY created_at DESC, id DESC
                """)
        .param("ids", complaintIds.stream().map(UUID::toString).toList())
        .query(PhotoRepository::map)
        .list()
        .forEach(
            p -> result.computeIfAbsent(p.complaintId(), k -> new java.util.ArrayList<>()).add(p));
    return result;
  }

  /**
   * Photos that count against the limit: accepted ones (ready or processing) and presigns still
   * open at {@code now}.
   */
  long countActive(UUID complaintId, Instant now) {
    return jdbc.sql(
            """
            SELECT count(*) FROM photos
            WHERE complaint_id = :complaintId
              AND (state IN ('ready', 'processing') OR (state = 'pending' AND expires_at > :now))
            """)
        .param("complaintId", complaintId.toString())
        .param("now", now.toEpochMilli())
        .query(Long.class)
        .single();
  }

  /** Accepted photos: ready, or waiting to be processed. */
  long countAccepted(UUID complaintId) {
    return jdbc.sql(
            """
            SELECT count(*) FROM photos
            WHERE complaint_id = :complaintId AND state IN ('ready', 'processing')
            """)
        .param("complaintId", complaintId.toString())
        .query(Long.class)
        .single();
  }

  boolean delete(UUID id) {
    return jdbc.sql("DELETE FROM photos WHERE id = :id").param("id", id.toString()).update() == 1;
  }

  /** Removes a presign that never became a photo. */
  boolean deleteUnconfirmed(UUID id) {
    return jdbc.sql("DELETE FROM photos WHERE id = :id AND state IN ('pending', 'void')")
            .param("id", id.toString())
            .update()
        == 1;
  }

  /** Marks a presign as used up by a failed confirm; the row waits for the link to expire. */
  void voidPending(UUID id) {
    jdbc.sql("UPDATE photos SET state = 'void' WHERE id = :id AND state = 'pending'")
        .param("id", id.toString())
        .update();
  }

  /** Presigns, confirmed in vain or not at all, whose links expired before {@code before}. */
  List<Photo> expiredPending(Instant before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM photos WHERE state IN ('pending', 'void') AND expires_at < :before
                ORDER BY expires_at LIMIT :limit
                """)
        .param("before", before.toEpochMilli())
        .param("limit", limit)
        .query(PhotoRepository::map)
        .list();
  }

  static Photo map(ResultSet rs, int n) throws SQLException {
    long expires = rs.getLong("expires_at");
    boolean noExpiry = rs.wasNull();
    return new Photo(
        UUID.fromString(rs.getString("id")),
        UUID.fromString(rs.getString("complaint_id")),
        Photo.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
        rs.getString("file_name"),
        rs.getString("mime_type"),
        rs.getLong("file_size"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getString("sha256"),
        rs.getString("added_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        noExpiry ? null : Instant.ofEpochMilli(expires));
  }
}
