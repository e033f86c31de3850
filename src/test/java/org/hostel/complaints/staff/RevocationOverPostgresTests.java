package org.hostel.complaints.staff;

import java.util.List;

/** Two instances on PostgreSQL without Redis: account changes travel by LISTEN/NOTIFY. */
class RevocationOverPostgresTests extends RevocationAcrossInstances {

  @Override
  List<String> transport() {
    return List.of();
  }

  @Override
  String expectedKind() {
    return "postgresql";
  }
}
