package org.hostel.complaints.complaint;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When complaints count as a repeat fault.
 *
 * @param count how many complaints of one category in one room (or wing) make a repeat ({@code
 *     COMPLAINTS_REPEAT_COUNT})
 * @param days within how many days ({@code COMPLAINTS_REPEAT_DAYS})
 * @param categories per-category overrides, e.g. {@code
 *     complaints.repeat.categories.plumbing.count=5}
 * @param wingCategories categories counted per wing rather than per room: shared facilities such as
 *     a wing's bathroom ({@code COMPLAINTS_REPEAT_WING_CATEGORIES})
 */
@ConfigurationProperties("complaints.repeat")
record RepeatSettings(
    @DefaultValue("3") int count,
    @DefaultValue("30") int days,
    @DefaultValue Map<String, Rule> categories,
    @DefaultValue List<String> wingCategories) {

  /** One category's rule; a missing field falls back to the general one. */
  record Rule(Integer count, Integer days) {}

  int countFor(String category) {
    Rule rule = categories.get(category);
    return rule == null || rule.count() == null ? count : rule.count();
  }

  int daysFor(String category) {
    Rule rule = categories.get(category);
    return rule == null || rule.days() == null ? days : rule.days();
  }

  boolean perWing(String category) {
    return wingCategories.contains(category);
  }
}
