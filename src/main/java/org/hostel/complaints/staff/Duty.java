package org.hostel.complaints.staff;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.web.AccessDenied;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Whether staff are on duty: porters off duty get no new complaints by assignment rules. */
@Service
public class Duty {

  private final JdbcClient jdbc;

  Duty(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Those of the given staff who are active and on duty. */
  public Set<UUID> onDuty(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("SELECT id FROM staff WHERE id IN (:ids) AND on_duty AND active")
            .param("ids", ids.stream().map(UUID::toString).toList())
            .query((rs, n) -> UUID.fromString(rs.getString(1)))
            .list());
  }

  boolean isOnDuty(Caller caller) {
    return jdbc.sql("SELECT on_duty FROM staff WHERE id = :id")
        .param("id", staffId(caller).toString())
        .query(Boolean.class)
        .single();
  }

  void set(Caller caller, boolean onDuty) {
    jdbc.sql("UPDATE staff SET on_duty = :onDuty WHERE id = :id")
        .param("onDuty", onDuty)
        .param("id", staffId(caller).toString())
        .update();
  }

  private static UUID staffId(Caller caller) {
    if (caller.staffId() == null) {
      throw AccessDenied.because("Only staff are on or off duty");
    }
    return caller.staffId();
  }
}
