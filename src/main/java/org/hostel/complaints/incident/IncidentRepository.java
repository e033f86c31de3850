package org.hostel.complaints.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IncidentRepository {

  private static final String COLUMNS =
      "id, title, category, message, eta, status, version, created_at, updated_at";

  private final JdbcClient jdbc;

  IncidentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Incident i, @Nullable UUID createdBy) {
    jdbc.sql(
            "INSERT INTO incidents (id, title, category, message, eta, status, created_by, version,"
                + " created_at, updated_at) VALUES (:id, :title, :category, :message, :eta,"
                + " :status, :createdBy, :version, :at, :at)")
        .param("id", i.id().toString())
        .param("title", i.title())
        .param("category", i.category())
        .param("message", i.message())
        .param("eta", i.eta() == null ? null : i.eta().toEpochMilli())
        .param("status", i.status())
        .param("createdBy", createdBy == null ? null : createdBy.toString())
        .param("version", i.version())
        .param("at", i.createdAt().toEpochMilli())
        .update();
    for (Incident.Scope scope : i.scope()) {
      for (String wing : scope.wings().isEmpty() ? List.of("") : scope.wings()) {
        jdbc.sql("INSERT INTO incident_scopes (incident_id, hostel, wing) VALUES (:i, :h, :w)")
            .param("i", i.id().toString())
            .param("h", scope.hostel())
            .param("w", wing)
            .update();
      }
    }
  }

  /** Writes what may change if nobody changed it since {@code expected}. */
  boolean update(Incident i, long expected) {
    return jdbc.sql(
                "UPDATE incidents SET title = :title, message = :message, eta = :eta,"
                    + " status = :status, version = :version, updated_at = :at"
                    + " WHERE id = :id AND version = :expected")
            .param("title", i.title())
            .param("message", i.message())
            .param("eta", i.eta() == null ? null : i.eta().toEpochMilli())
            .param("status", i.status())
            .param("version", i.version())
            .param("at", i.updatedAt().toEpochMilli())
            .param("id", i.id().toString())
            .param("expected", expected)
            .update()
        == 1;
  }

  Optional<Incident> find(UUID id) {
    return list("WHERE id = :id", Map.of("id", id.toString())).stream().findFirst();
  }

  /** Newest first; {@code status} and {@code hostel} narrow when given. */
  List<Incident> list(@Nullable String status, @Nullable String hostel) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder("WHERE 1 = 1");
    if (status != null) {
      where.append(" AND status = :status");
      params.put("status", status);
    }
    if (hostel != null) {
      where.append(" AND id IN (SELECT incident_id FROM incident_scopes WHERE hostel = :hostel)");
      params.put("hostel", hostel);
    }
    return list(where.toString(), params);
  }

  /** The newest active incident covering this place and category, if any. */
  Optional<UUID> activeFor(String hostel, String wing, String category) {
    return jdbc.sql(
            "SELECT i.id FROM incidents i JOIN incident_scopes s ON s.incident_id = i.id"
                + " WHERE i.status = 'active' AND i.category = :category AND s.hostel = :hostel"
                + " AND (s.wing = '' OR s.wing = :wing) ORDER BY i.created_at DESC, i.id LIMIT 1")
        .param("category", category)
        .param("hostel", hostel)
        .param("wing", wing)
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .optional();
  }

  private List<Incident> list(String where, Map<String, Object> params) {
    List<Incident> found =
        jdbc.sql("SELECT " + COLUMNS + " FROM incidents " + where + " ORDER BY created_at DESC, id")
            .params(params)
            .query(IncidentRepository::incident)
            .list();
    if (found.isEmpty()) {
      return found;
    }
    Map<String, Map<String, List<String>>> scopes = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT incident_id, hostel, wing FROM incident_scopes WHERE incident_id IN (:ids)"
                + " ORDER BY hostel, wing")
        .param("ids", found.stream().map(i -> i.id().toString()).toList())
        .query(
            (RowCallbackHandler)
                rs -> {
                  List<String> wings =
                      scopes
                          .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                          .computeIfAbsent(rs.getString(2), k -> new ArrayList<>());
                  if (!rs.getString(3).isEmpty()) {
                    wings.add(rs.getString(3));
                  }
                });
    return found.stream()
        .map(
            i -> {
              List<Incident.Scope> scope = new ArrayList<>();
              scopes
                  .getOrDefault(i.id().toString(), Map.of())
                  .forEach((hostel, wings) -> scope.add(new Incident.Scope(hostel, wings)));
              return new Incident(
                  i.id(),
                  i.title(),
                  i.category(),
                  i.message(),
                  i.eta(),
                  i.status(),
                  List.copyOf(scope),
                  i.version(),
                  i.createdAt(),
                  i.updatedAt());
            })
        .toList();
  }

  private static Incident incident(ResultSet rs, int n) throws SQLException {
    long etaMillis = rs.getLong("eta");
    Instant eta = rs.wasNull() ? null : Instant.ofEpochMilli(etaMillis);
    return new Incident(
        UUID.fromString(rs.getString("id")),
        rs.getString("title"),
        rs.getString("category"),
        rs.getString("message"),
        eta,
        rs.getString("status"),
        List.of(),
        rs.getLong("version"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
