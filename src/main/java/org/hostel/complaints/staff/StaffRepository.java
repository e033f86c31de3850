package org.hostel.complaints.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

  private static final String COLUMNS =
      "id, full_name, email, phone, role, active, password_hash, tokens_valid_after, created_at";

  private final JdbcClient jdbc;
  private final AccountChanges changes;

  /** Every write that a token check reads announces itself, so cached token states follow. */
  StaffRepository(JdbcClient jdbc, AccountChanges changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  /** The stored row, with what only this feature may see. */
  record Account(StaffMember member, String passwordHash, long tokensValidAfter) {}

  /** What token checks need, in one round trip. */
  record TokenState(Role role, boolean active, long tokensValidAfter, boolean revoked) {}

  void insert(StaffMember member, String passwordHash) {
    jdbc.sql(
            """
            INSERT INTO staff (id, full_name, email, phone, role, active, password_hash,
                               tokens_valid_after, created_at)
            VALUES (:id, :fullName, :email, :phone, :role, :active, :hash, 0, :createdAt)
            """)
        .param("id", member.id().toString())
        .param("fullName", member.fullName())
        .param("email", member.email())
        .param("phone", member.phone())
        .param("role", member.role().value())
        .param("active", member.active())
        .param("hash", passwordHash)
        .param("createdAt", member.createdAt().toEpochMilli())
        .update();
  }

  Optional<Account> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE id = :id")
        .param("id", id.toString())
        .query(StaffRepository::account)
        .optional();
  }

  Optional<Account> findByLogin(String column, String value) {
    String sql =
        switch (column) {
          case "email" -> "SELECT " + COLUMNS + " FROM staff WHERE email = :value";
          case "phone" -> "SELECT " + COLUMNS + " FROM staff WHERE phone = :value";
          default -> throw new IllegalArgumentException(column);
        };
    return jdbc.sql(sql).param("value", value).query(StaffRepository::account).optional();
  }

  boolean exists(String column, String value) {
    return findByLogin(column, value).isPresent();
  }

  boolean anyAdmin() {
    return jdbc.sql("SELECT count(*) FROM staff WHERE role = 'admin'").query(Long.class).single()
        > 0;
  }

  List<StaffMember> listActive() {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM staff WHERE active = :active ORDER BY full_name, id")
        .param("active", true)
        .query(StaffRepository::account)
        .list()
        .stream()
        .map(Account::member)
        .toList();
  }

  List<StaffMember> listAll() {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM staff ORDER BY full_name, id")
        .query(StaffRepository::account)
        .list()
        .stream()
        .map(Account::member)
        .toList();
  }

  /** Also moves the token cut-off, so tokens from before a deactivation never come back. */
  void setActive(UUID id, boolean active, long tokensValidAfter) {
    if (active) {
      jdbc.sql("UPDATE staff SET active = :active WHERE id = :id")
          .param("active", true)
          .param("id", id.toString())
          .update();
    } else {
      jdbc.sql("UPDATE staff SET active = :active, tokens_valid_after = :after WHERE id = :id")
          .param("active", false)
          .param("after", tokensValidAfter)
          .param("id", id.toString())
          .update();
    }
    changes.accountChanged(id);
  }

  void delete(UUID id) {
    jdbc.sql("DELETE FROM staff WHERE id = :id").param("id", id.toString()).update();
    changes.accountChanged(id);
  }

  Map<UUID, String> names(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql("SELECT id, full_name FROM staff WHERE id IN (:ids)")
        .param("ids", ids.stream().map(UUID::toString).toList())
        .query((rs, n) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  Optional<TokenState> tokenState(UUID staffId, String tokenId) {
    return jdbc.sql(
            """
            SELECT role, active, tokens_valid_after,
                   (SELECT count(*) FROM revoked_tokens WHERE jti = :jti) AS revoked
            FROM staff WHERE id = :id
            """)
        .param("id", staffId.toString())
        .param("jti", tokenId)
        .query(
            (rs, n) ->
                new TokenState(
                    Role.valueOf(rs.getString("role").toUpperCase()),
                    rs.getBoolean("active"),
                    rs.getLong("tokens_valid_after"),
                    rs.getLong("revoked") > 0))
        .optional();
  }

  void updatePassword(UUID id, String passwordHash, long tokensValidAfter) {
    jdbc.sql(
            """
            UPDATE staff SET password_hash = :hash, tokens_valid_after = :after WHERE id = :id
            """)
        .param("hash", passwordHash)
        .param("after", tokensValidAfter)
        .param("id", id.toString())
        .update();
    changes.accountChanged(id);
  }

  void updateProfile(UUID id, String fullName, @Nullable String phone) {
    jdbc.sql("UPDATE staff SET full_name = :name, phone = :phone WHERE id = :id")
        .param("name", fullName)
        .param("phone", phone)
        .param("id", id.toString())
        .update();
  }

  void revoke(String tokenId, Instant expiresAt) {
    jdbc.sql(
            """
            INSERT INTO revoked_tokens (jti, expires_at) VALUES (:jti, :expiresAt)
            ON CONFLICT (jti) DO NOTHING
            """)
        .param("jti", tokenId)
        .param("expiresAt", expiresAt.toEpochMilli())
        .update();
    changes.tokenRevoked(tokenId);
  }

  int forgetExpiredRevocations(Instant now) {
    return jdbc.sql("DELETE FROM revoked_tokens WHERE expires_at < :now")
        .param("now", now.toEpochMilli())
        .update();
  }

  private static Account account(ResultSet rs, int row) throws SQLException {
    return new Account(
        new StaffMember(
            UUID.fromString(rs.getString("id")),
            rs.getString("full_name"),
            rs.getString("email"),
            rs.getString("phone"),
            Role.valueOf(rs.getString("role").toUpperCase()),
            rs.getBoolean("active"),
            Instant.ofEpochMilli(rs.getLong("created_at"))),
        rs.getString("password_hash"),
        rs.getLong("tokens_valid_after"));
  }

  static @Nullable String nullIfBlank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
