package org.hostel.complaints.complaint;

import java.util.UUID;
import org.hostel.complaints.staff.StaffReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Complaints name staff as assignee and author, their history as actor. */
@Component
class StaffInComplaints implements StaffReferences {

  private final JdbcClient jdbc;

  StaffInComplaints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean refersTo(UUID staffId) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM complaints
                           WHERE assigned_porter_id = :id OR created_by = :id)
                OR EXISTS (SELECT 1 FROM complaint_history WHERE actor_id = :id)
            """)
        .param("id", staffId.toString())
        .query(Boolean.class)
        .single();
  }
}
