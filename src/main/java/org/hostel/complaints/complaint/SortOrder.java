package org.hostel.complaints.complaint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The orders a list can have, by their {@code sort} parameter: a field, descending with a leading
 * {@code -}. Newest first is the default; the id breaks ties so paging is stable and every row has
 * one place, which is what a {@link Keyset} cursor needs.
 */
enum SortOrder {
  NEWEST("-created_at", Key.desc("created_at"), Key.ID_DESC),
  OLDEST("created_at", Key.asc("created_at"), Key.ID_ASC),
  RECENTLY_UPDATED("-updated_at", Key.desc("updated_at"), Key.ID_DESC),
  LEAST_RECENTLY_UPDATED("updated_at", Key.asc("updated_at"), Key.ID_ASC),
  MOST_SEVERE("-severity", Key.desc(Rank.SEVERITY), Key.desc("created_at"), Key.ID_DESC),
  LEAST_SEVERE("severity", Key.asc(Rank.SEVERITY), Key.desc("created_at"), Key.ID_DESC),
  /** The next SLA target first; complaints without one (resolved, or no clock) last. */
  DUE("due", new Key("due_at", false, true), Key.ID_ASC),
  MOST_PRIORITY("-priority", Key.desc(Rank.PRIORITY), Key.desc("created_at"), Key.ID_DESC),
  LEAST_PRIORITY("priority", Key.asc(Rank.PRIORITY), Key.desc("created_at"), Key.ID_DESC);

  /**
   * One column or expression of an order. Every key but the last ({@code id}) is a number: epoch
   * milliseconds or a rank.
   *
   * @param nullsLast whether the key may be null, nulls after every value
   */
  record Key(String sql, boolean descending, boolean nullsLast) {
    static final Key ID_DESC = desc("id");
    static final Key ID_ASC = asc("id");

    static Key desc(String sql) {
      return new Key(sql, true, false);
    }

    static Key asc(String sql) {
      return new Key(sql, false, false);
    }

    String orderBy() {
      return sql + (descending ? " DESC" : " ASC") + (nullsLast ? " NULLS LAST" : "");
    }
  }

  private final String name;
  private final List<Key> keys;

  SortOrder(String name, Key... keys) {
    this.name = name;
    this.keys = List.of(keys);
  }

  static Optional<SortOrder> named(String name) {
    for (SortOrder order : values()) {
      if (order.name.equals(name)) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }

  String sortName() {
    return name;
  }

  /** The {@code ORDER BY} list, as the indexes of V1 and V130 were written for. */
  String sql() {
    return keys.stream().map(Key::orderBy).collect(Collectors.joining(", "));
  }

  List<Key> keys() {
    return keys;
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
