package org.hostel.complaints.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

  private static final String COLUMNS =
      "id, complaint_id, author_id, visibility, body, created_at, edited_at";

  private final JdbcClient jdbc;

  CommentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Comment c) {
    jdbc.sql(
            """
            INSERT INTO complaint_comments (id, complaint_id, author_id, visibility, body, created_at)
            VALUES (:id, :complaintId, :authorId, :visibility, :body, :createdAt)
            """)
        .param("id", c.id().toString())
        .param("complaintId", c.complaintId().toString())
        .param("authorId", c.authorId() == null ? null : c.authorId().toString())
        .param("visibility", c.visibility())
        .param("body", c.body())
        .param("createdAt", c.createdAt().toEpochMilli())
        .update();
  }

  /** Rewrites the text if it is still {@code before} (so of two racing edits one wins). */
  boolean edit(UUID id, String before, String body, Instant at) {
    return jdbc.sql(
                """
                UPDATE complaint_comments SET body = :body, edited_at = :at
                WHERE id = :id AND body = :before
                """)
            .param("body", body)
            .param("at", at.toEpochMilli())
            .param("id", id.toString())
            .param("before", before)
            .update()
        == 1;
  }

  Optional<Comment> find(UUID complaintId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM complaint_comments WHERE id = :id AND complaint_id = :complaintId")
        .param("id", id.toString())
        .param("complaintId", complaintId.toString())
        .query(CommentRepository::comment)
        .optional();
  }

  /** Oldest first; internal notes only when {@code withInternal}. */
  List<Comment> forComplaint(UUID complaintId, boolean withInternal) {
    return forComplaints(List.of(complaintId), withInternal);
  }

  /** Of several complaints (a master and its duplicates), oldest first. */
  List<Comment> forComplaints(List<UUID> complaintIds, boolean withInternal) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM complaint_comments WHERE complaint_id IN (:complaintIds)"
                + (withInternal ? "" : " AND visibility = 'public'")
                + " ORDER BY created_at, id")
        .param("complaintIds", complaintIds.stream().map(UUID::toString).toList())
        .query(CommentRepository::comment)
        .list();
  }

  private static Comment comment(ResultSet rs, int row) throws SQLException {
    long edited = rs.getLong("edited_at");
    boolean neverEdited = rs.wasNull();
    return new Comment(
        UUID.fromString(rs.getString("id")),
        UUID.fromString(rs.getString("complaint_id")),
        uuid(rs.getString("author_id")),
        "internal".equals(rs.getString("visibility")),
        rs.getString("body"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        neverEdited ? null : Instant.ofEpochMilli(edited));
  }

  private static @Nullable UUID uuid(@Nullable String text) {
    return text == null ? null : UUID.fromString(text);
  }
}
