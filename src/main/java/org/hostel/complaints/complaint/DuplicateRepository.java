package org.hostel.complaints.complaint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which complaint was merged into which ({@code complaints.duplicate_of}, V80). */
@Repository
class DuplicateRepository {

  private final JdbcClient jdbc;

  DuplicateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a complaint is linked to: the master it was merged into, the incident it is part of. */
  record Links(@Nullable UUID duplicateOf, @Nullable UUID incidentId, int repeatCount) {}

  /** The links of each of the complaints that has any. */
  Map<UUID, Links> links(List<UUID> ids) {
    Map<UUID, Links> links = new HashMap<>();
    if (ids.isEmpty()) {
      return links;
    }
    jdbc.sql(
            "SELECT id, duplicate_of, incident_id, repeat_count FROM complaints WHERE id IN (:ids)"
                + " AND (duplicate_of IS NOT NULL OR incident_id IS NOT NULL"
                + " OR repeat_count IS NOT NULL)")
        .param("ids", text(ids))
        .query(
            (RowCallbackHandler)
                rs ->
                    links.put(
                        UUID.fromString(rs.getString(1)),
                        new Links(
                            ComplaintRows.uuid(rs.getString(2)),
                            ComplaintRows.uuid(rs.getString(3)),
                            rs.getInt(4))));
    return links;
  }

  /** The master of each of the complaints that is a duplicate. */
  Map<UUID, UUID> masters(List<UUID> ids) {
    Map<UUID, UUID> masters = new HashMap<>();
    if (ids.isEmpty()) {
      return masters;
    }
    jdbc.sql(
            "SELECT id, duplicate_of FROM complaints WHERE id IN (:ids) AND duplicate_of IS NOT"
                + " NULL")
        .param("ids", text(ids))
        .query(
            (RowCallbackHandler)
                rs ->
                    masters.put(
                        UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2))));
    return masters;
  }

  /** The duplicates of each of the complaints, oldest first. */
  Map<UUID, List<UUID>> duplicates(List<UUID> masters) {
    Map<UUID, List<UUID>> duplicates = new HashMap<>();
    if (masters.isEmpty()) {
      return duplicates;
    }
    jdbc.sql(
            "SELECT duplicate_of, id FROM complaints WHERE duplicate_of IN (:ids)"
                + " ORDER BY created_at, id")
        .param("ids", text(masters))
        .query(
            (RowCallbackHandler)
                rs ->
                    duplicates
                        .computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>())
                        .add(UUID.fromString(rs.getString(2))));
    return duplicates;
  }

  /** The complaints merged into {@code master}, oldest first. */
  List<Complaint> duplicatesOf(UUID master) {
    return jdbc.sql(
            "SELECT "
                + ComplaintRepository.COLUMNS
                + " FROM complaints WHERE duplicate_of = :master ORDER BY created_at, id")
        .param("master", master.toString())
        .query(ComplaintRows::complaint)
        .list();
  }

  /** Links a complaint to its master, unless it is linked already; whether it was. */
  boolean link(UUID duplicate, UUID master) {
    return jdbc.sql(
                "UPDATE complaints SET duplicate_of = :master WHERE id = :id AND duplicate_of IS"
                    + " NULL")
            .param("master", master.toString())
            .param("id", duplicate.toString())
            .update()
        == 1;
  }

  /** Unlinks a duplicate from its master, if it still is one; whether it was. */
  boolean unlink(UUID duplicate, UUID master) {
    return jdbc.sql(
                "UPDATE complaints SET duplicate_of = NULL WHERE id = :id AND duplicate_of ="
                    + " :master")
            .param("master", master.toString())
            .param("id", duplicate.toString())
            .update()
        == 1;
  }

  /** Moves every duplicate of {@code from} to {@code to}, so duplicates are one level deep. */
  List<UUID> repoint(UUID from, UUID to) {
    return jdbc.sql(
            "UPDATE complaints SET duplicate_of = :to WHERE duplicate_of = :from RETURNING id")
        .param("to", to.toString())
        .param("from", from.toString())
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .list();
  }

  private static List<String> text(List<UUID> ids) {
    return ids.stream().map(UUID::toString).toList();
  }
}
