package org.hostel.complaints.assignment;

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
class RuleRepository {

  /** Stored for a rule of every category: {@code UNIQUE (hostel, category)} then holds. */
  static final String ANY = "*";

  private final JdbcClient jdbc;

  RuleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Rule> all() {
    return load("SELECT * FROM assignment_rules ORDER BY hostel, category, name", Map.of());
  }

  Optional<Rule> find(UUID id) {
    return load("SELECT * FROM assignment_rules WHERE id = :id", Map.of("id", id.toString()))
        .stream()
        .findFirst();
  }

  /** The rule for the category in the hostel, else the hostel's rule for every category. */
  Optional<Rule> matching(String hostel, String category) {
    return load(
            """
            SELECT * FROM assignment_rules
            WHERE hostel = :hostel AND category IN (:category, '*')
            ORDER BY CASE WHEN category = '*' THEN 1 ELSE 0 END
            """,
            Map.of("hostel", hostel, "category", category))
        .stream()
        .findFirst();
  }

  boolean exists() {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM assignment_rules)").query(Boolean.class).single();
  }

  void insert(Rule r) {
    jdbc.sql(
            """
            INSERT INTO assignment_rules (id, name, hostel, category, version, created_at, updated_at)
            VALUES (:id, :name, :hostel, :category, :version, :at, :at)
            """)
        .param("id", r.id().toString())
        .param("name", r.name())
        .param("hostel", r.hostel())
        .param("category", r.category() == null ? ANY : r.category())
        .param("version", r.version())
        .param("at", r.createdAt().toEpochMilli())
        .update();
    members(r);
  }

  /** Writes the rule if it is still at {@code expected}; false when someone changed it first. */
  boolean update(Rule r, long expected) {
    int updated =
        jdbc.sql(
                """
                UPDATE assignment_rules SET name = :name, hostel = :hostel, category = :category,
                    version = :version, updated_at = :at
                WHERE id = :id AND version = :expected
                """)
            .param("id", r.id().toString())
            .param("name", r.name())
            .param("hostel", r.hostel())
            .param("category", r.category() == null ? ANY : r.category())
            .param("version", r.version())
            .param("at", r.updatedAt().toEpochMilli())
            .param("expected", expected)
            .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM assignment_rule_members WHERE rule_id = :id")
        .param("id", r.id().toString())
        .update();
    members(r);
    return true;
  }

  boolean delete(UUID id, @Nullable Long expected) {
    return jdbc.sql(
                "DELETE FROM assignment_rules WHERE id = :id"
                    + (expected == null ? "" : " AND version = :expected"))
            .param("id", id.toString())
            .params(expected == null ? Map.of() : Map.of("expected", expected))
            .update()
        == 1;
  }

  /** Open complaints per porter, for the given porters (absent: none). */
  Map<UUID, Long> openLoad(List<UUID> porters) {
    Map<UUID, Long> load = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT assigned_porter_id, count(*) FROM complaints
            WHERE assigned_porter_id IN (:ids) AND status IN ('reported', 'in_progress', 'on_hold')
            GROUP BY assigned_porter_id
            """)
        .param("ids", porters.stream().map(UUID::toString).toList())
        .query(
            (RowCallbackHandler) rs -> load.put(UUID.fromString(rs.getString(1)), rs.getLong(2)));
    return load;
  }

  private void members(Rule r) {
    for (UUID porter : r.porterIds()) {
      jdbc.sql("INSERT INTO assignment_rule_members (rule_id, staff_id) VALUES (:rule, :staff)")
          .param("rule", r.id().toString())
          .param("staff", porter.toString())
          .update();
    }
  }

  private List<Rule> load(String sql, Map<String, ?> params) {
    List<Rule> rules = jdbc.sql(sql).params(params).query(RuleRepository::rule).list();
    List<Rule> withMembers = new ArrayList<>();
    for (Rule r : rules) {
      List<UUID> porters =
          jdbc.sql(
                  "SELECT staff_id FROM assignment_rule_members WHERE rule_id = :id"
                      + " ORDER BY staff_id")
              .param("id", r.id().toString())
              .query((rs, n) -> UUID.fromString(rs.getString(1)))
              .list();
      withMembers.add(
          new Rule(
              r.id(),
              r.name(),
              r.hostel(),
              r.category(),
              porters,
              r.version(),
              r.createdAt(),
              r.updatedAt()));
    }
    return withMembers;
  }

  private static Rule rule(ResultSet rs, int n) throws SQLException {
    String category = rs.getString("category");
    return new Rule(
        UUID.fromString(rs.getString("id")),
        rs.getString("name"),
        rs.getString("hostel"),
        ANY.equals(category) ? null : category,
        List.of(),
        rs.getLong("version"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
