package org.hostel.complaints.assignment;

import java.util.UUID;
import org.hostel.complaints.staff.StaffReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Assignment rules name porters as members. */
@Component
class StaffInRules implements StaffReferences {

  private final JdbcClient jdbc;

  StaffInRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean refersTo(UUID staffId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM assignment_rule_members WHERE staff_id = :id)")
        .param("id", staffId.toString())
        .query(Boolean.class)
        .single();
  }
}
