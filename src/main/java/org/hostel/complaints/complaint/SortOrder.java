package org.hostel.complaints.complaint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The orders a list can have, by their {@code sort} parameter: a field, descending with a leading
 * {@code -}. Newest first is the default; the id breaks ties so paging is stable.
 */
enum SortOrder {
  NEWEST("-created_at", "created_at DESC, id DESC"),
  OLDEST("created_at", "created_at ASC, id ASC"),
  RECENTLY_UPDATED("-updated_at", "updated_at DESC, id DESC"),
  LEAST_RECENTLY_UPDATED("updated_at", "updated_at ASC, id ASC"),
  MOST_SEVERE("-severity", Rank.SEVERITY + " DESC, created_at DESC, id DESC"),
  LEAST_SEVERE("severity", Rank.SEVERITY + " ASC, created_at DESC, id DESC"),
  /** The next SLA target first; complaints without one (resolved, or no clock) last. */
  DUE("due", "due_at ASC NULLS LAST, id ASC"),
  MOST_PRIORITY("-priority", Rank.PRIORITY + " DESC, created_at DESC, id DESC"),
  LEAST_PRIORITY("priority", Rank.PRIORITY + " ASC, created_at DESC, id DESC");

  private final String name;
  private final String sql;

  SortOrder(String name, String sql) {
    this.name = name;
    this.sql = sql;
  }

  static Optional<SortOrder> named(String name) {
    for (SortOrder order : values()) {
      if (order.name.equals(name)) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }

  String sql() {
    return sql;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(o -> o.name).toList();
  }

  /** Highest first; in a class of its own so the constants above can use it. */
  private static final class Rank {
    static final String SEVERITY =
        "CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END";
    static final String PRIORITY =
        "CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END";
  }
}
