package org.hostel.complaints.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One complaint with everything its answer shows (rating, channel, links, duplicates and the stored
 * photos of it and of its duplicates) in a single round trip: reading a complaint is the most
 * frequent request, and each further query cost a trip to the database.
 */
@Repository
class ComplaintReads {

  /** A ready photo: the photo feature turns it into a signed link without a query. */
  record StoredPhoto(UUID id, String mimeType, long createdAt) {}

  /** The complaint and what its answer needs besides. */
  record Read(
      Complaint complaint,
      Channel channel,
      DuplicateRepository.Links links,
      @Nullable Integer stars,
      List<UUID> duplicates,
      Map<UUID, List<StoredPhoto>> photos) {}

  // The complaint row repeats on each row of its parts: its duplicates (kind 0) and the ready
  // photos of it and of its duplicates (kind 1); without parts, one row with a null kind.
  private static final String SQL =
      "SELECT "
          + ComplaintRepository.COLUMNS
          + """
          , channel, duplicate_of, incident_id, repeat_count,
            (SELECT r.stars FROM complaint_ratings r WHERE r.complaint_id = c.id) AS stars,
            x.kind AS part_kind, x.owner AS part_owner, x.photo AS part_photo,
            x.mime AS part_mime, x.at AS part_at
          FROM complaints c
          LEFT JOIN (
            SELECT 0 AS kind, d.id AS owner, NULL AS photo, NULL AS mime, d.created_at AS at
            FROM complaints d WHERE d.duplicate_of = :id
            UNION ALL
            SELECT 1, p.complaint_id, p.id, p.mime_type, p.created_at
            FROM photos p
            WHERE p.state = 'ready'
              AND (p.complaint_id = :id
                   OR p.complaint_id IN (SELECT d.id FROM complaints d WHERE d.duplicate_of = :id))
          ) x ON 1 = 1
          WHERE c.id = :id
          """;

  private final JdbcClient jdbc;
  private final ComplaintPolicy policy;

  ComplaintReads(JdbcClient jdbc, ComplaintPolicy policy) {
    this.jdbc = jdbc;
    this.policy = policy;
  }

  /** The complaint if the caller may see it; 404 otherwise. */
  Read visible(Caller caller, UUID id) {
    List<Row> rows = jdbc.sql(SQL).param("id", id.toString()).query(ComplaintReads::row).list();
    if (rows.isEmpty() || !policy.canSee(caller, rows.getFirst().complaint())) {
      throw ComplaintProblems.ComplaintNotFound.forId(id);
    }
    Row first = rows.getFirst();
    List<Row> duplicates = new ArrayList<>();
    List<Row> photos = new ArrayList<>();
    for (Row row : rows) {
      if (row.kind() != null) {
        (row.kind() == 0 ? duplicates : photos).add(row);
      }
    }
    // As the list answers order them: duplicates oldest first, photos newest first.
    duplicates.sort(Comparator.comparingLong(Row::at).thenComparing(Row::owner));
    photos.sort(
        Comparator.comparingLong(Row::at).thenComparing(r -> String.valueOf(r.photo())).reversed());
    Map<UUID, List<StoredPhoto>> byOwner = new LinkedHashMap<>();
    for (Row photo : photos) {
      byOwner
          .computeIfAbsent(UUID.fromString(photo.owner()), k -> new ArrayList<>())
          .add(
              new StoredPhoto(
                  UUID.fromString(String.valueOf(photo.photo())),
                  String.valueOf(photo.mime()),
                  photo.at()));
    }
    return new Read(
        first.complaint(),
        first.channel(),
        first.links(),
        first.stars(),
        duplicates.stream().map(r -> UUID.fromString(r.owner())).toList(),
        byOwner);
  }

  private record Row(
      Complaint complaint,
      Channel channel,
      DuplicateRepository.Links links,
      @Nullable Integer stars,
      @Nullable Integer kind,
      String owner,
      @Nullable String photo,
      @Nullable String mime,
      long at) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    int stars = rs.getInt("stars");
    Integer starsOrNull = rs.wasNull() ? null : stars;
    int kind = rs.getInt("part_kind");
    Integer kindOrNull = rs.wasNull() ? null : kind;
    return new Row(
        ComplaintRows.complaint(rs, n),
        Channel.fromValue(rs.getString("channel")),
        new DuplicateRepository.Links(
            ComplaintRows.uuid(rs.getString("duplicate_of")),
            ComplaintRows.uuid(rs.getString("incident_id")),
            rs.getInt("repeat_count")),
        starsOrNull,
        kindOrNull,
        String.valueOf(rs.getString("part_owner")),
        rs.getString("part_photo"),
        rs.getString("part_mime"),
        rs.getLong("part_at"));
  }
}
