package org.hostel.complaints.complaint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/**
 * A position in a sorted list: the sort keys of the last row a page showed. The next page is the
 * rows after it in the order, found through the order's index however deep the page is, where an
 * {@code OFFSET} reads and drops every row before it. Rows inserted or changed meanwhile do not
 * shift it: nothing is shown twice and nothing that stayed in place is skipped.
 *
 * <p>It travels as an opaque cursor ({@code next_cursor}, then {@code after}): the sort's name and
 * the key values, base64url. A cursor made for another sort is refused.
 *
 * @param values the key values in the order's key order, the id last; null where the key is
 */
record Keyset(SortOrder order, List<@Nullable Object> values) {

  private static final String SEPARATOR = "~";

  /** The cursor a client sends back as {@code after}. */
  String cursor() {
    StringBuilder text = new StringBuilder(order.sortName());
    values.forEach(v -> text.append(SEPARATOR).append(v == null ? "" : v));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The position {@code after} names, which must have been made for {@code order}. */
  static Keyset parse(String after, SortOrder order) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String[] parts = text.split(SEPARATOR, -1);
    List<SortOrder.Key> keys = order.keys();
    if (parts.length != keys.size() + 1 || !parts[0].equals(order.sortName())) {
      throw invalid();
    }
    List<@Nullable Object> values = new ArrayList<>();
    try {
      for (int i = 0; i < keys.size() - 1; i++) {
        String part = parts[i + 1];
        if (part.isEmpty() && !keys.get(i).nullsLast()) {
          throw invalid();
        }
        values.add(part.isEmpty() ? null : Long.parseLong(part));
      }
      values.add(UUID.fromString(parts[keys.size()]).toString());
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    return new Keyset(order, values);
  }

  private static ValidationFailed invalid() {
    return ValidationFailed.of(
        "after", "must be a next_cursor of this list, asked for with the same sort");
  }

  /**
   * The rows after this position, as a condition (its values into {@code params}). Keys that run
   * the same way to the end compare as one row value, which both databases answer from the order's
   * index; a leading key that runs the other way (a rank) bounds the scan first, so it starts at
   * the position rather than at the top.
   */
  String condition(Map<String, Object> params) {
    List<SortOrder.Key> keys = order.keys();
    int tail = keys.size() - 1;
    boolean descending = keys.get(tail).descending();
    while (tail > 0
        && keys.get(tail - 1).descending() == descending
        && !keys.get(tail - 1).nullsLast()) {
      tail--;
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        params.put("after" + i, values.get(i));
      }
    }
    String sql = rowValue(keys, tail, descending);
    for (int i = tail - 1; i >= 0; i--) {
      sql = after(keys.get(i), i) + " OR (" + equal(keys.get(i), i) + " AND " + sql + ")";
    }
    if (tail > 0 && values.getFirst() != null) {
      sql = bound(keys.getFirst()) + " AND (" + sql + ")";
    }
    return "(" + sql + ")";
  }

  private static String rowValue(List<SortOrder.Key> keys, int from, boolean descending) {
    List<String> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = from; i < keys.size(); i++) {
      columns.add(keys.get(i).sql());
      names.add(":after" + i);
    }
    String op = descending ? " < " : " > ";
    if (columns.size() == 1) {
      return columns.getFirst() + op + names.getFirst();
    }
    return "(" + String.join(", ", columns) + ")" + op + "(" + String.join(", ", names) + ")";
  }

  private String after(SortOrder.Key key, int i) {
    if (values.get(i) == null) {
      return "1 = 0"; // nulls come last: nothing but another null follows one
    }
    String beyond = key.sql() + (key.descending() ? " < " : " > ") + ":after" + i;
    return key.nullsLast() ? "(" + beyond + " OR " + key.sql() + " IS NULL)" : beyond;
  }

  private String equal(SortOrder.Key key, int i) {
    return values.get(i) == null ? key.sql() + " IS NULL" : key.sql() + " = :after" + i;
  }

  private static String bound(SortOrder.Key key) {
    String atOrBeyond = key.sql() + (key.descending() ? " <= " : " >= ") + ":after0";
    return key.nullsLast() ? "(" + atOrBeyond + " OR " + key.sql() + " IS NULL)" : atOrBeyond;
  }
}
