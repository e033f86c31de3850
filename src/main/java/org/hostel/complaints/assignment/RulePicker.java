package org.hostel.complaints.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hostel.complaints.complaint.AutoAssignment;
import org.hostel.complaints.staff.Duty;
import org.springframework.stereotype.Component;

/**
 * The complaint feature's automatic assignment: the matching rule's on-duty member with the fewest
 * open complaints (ties to the lowest id, so the choice is stable). Runs in the submit's
 * transaction.
 */
@Component
class RulePicker implements AutoAssignment {

  private final RuleRepository rules;
  private final Duty duty;

  RulePicker(RuleRepository rules, Duty duty) {
    this.rules = rules;
    this.duty = duty;
  }

  @Override
  public Pick pick(String hostel, String category) {
    Optional<Rule> rule = rules.matching(hostel, category);
    if (rule.isEmpty()) {
      return rules.exists()
          ? new Pick(null, null, "No assignment rule matches " + hostel + " / " + category)
          : new Pick(null, null, null);
    }
    Rule r = rule.get();
    Set<UUID> available = duty.onDuty(r.porterIds());
    if (available.isEmpty()) {
      return new Pick(null, r.name(), "Nobody of rule " + r.name() + " is on duty");
    }
    List<UUID> candidates = r.porterIds().stream().filter(available::contains).toList();
    Map<UUID, Long> load = rules.openLoad(candidates);
    UUID chosen =
        candidates.stream()
            .min(
                Comparator.comparingLong((UUID p) -> load.getOrDefault(p, 0L))
                    .thenComparing(UUID::toString))
            .orElseThrow();
    return new Pick(chosen, r.name(), null);
  }
}
