package org.hostel.complaints.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.hostel.complaints.complaint.CatalogView;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.Role;
import org.hostel.complaints.staff.StaffService;
import org.hostel.complaints.storage.Ids;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Admins' reading and editing of assignment rules; every check before anything is written. */
@Service
class RuleService {

  static final int MAX_MEMBERS = 50;

  private final RuleRepository rules;
  private final CatalogView catalog;
  private final StaffService staff;
  private final TransactionTemplate tx;
  private final Clock clock;

  RuleService(
      RuleRepository rules,
      CatalogView catalog,
      StaffService staff,
      TransactionTemplate tx,
      Clock clock) {
    this.rules = rules;
    this.catalog = catalog;
    this.staff = staff;
    this.tx = tx;
    this.clock = clock;
  }

  /** A rule as asked for, before checks. */
  record Draft(
      @Nullable String name,
      @Nullable String hostel,
      @Nullable String category,
      @Nullable List<UUID> porterIds) {}

  List<Rule> all(Caller caller) {
    check(caller);
    return rules.all();
  }

  Rule one(Caller caller, UUID id) {
    check(caller);
    return rules.find(id).orElseThrow(() -> new RuleProblems.RuleNotFound(id));
  }

  Rule create(Caller caller, Draft draft) {
    check(caller);
    Instant now = clock.instant();
    Rule rule = checked(Ids.newId(), draft, 1, now, now);
    return write(() -> rules.insert(rule), rule);
  }

  Rule replace(Caller caller, UUID id, Draft draft, @Nullable Long ifMatch) {
    check(caller);
    Rule current = rules.find(id).orElseThrow(() -> new RuleProblems.RuleNotFound(id));
    if (ifMatch != null && ifMatch != current.version()) {
      throw stale(current.version());
    }
    Rule next = checked(id, draft, current.version() + 1, current.createdAt(), clock.instant());
    return write(
        () -> {
          if (!rules.update(next, current.version())) {
            throw stale(current.version() + 1);
          }
        },
        next);
  }

  void delete(Caller caller, UUID id, @Nullable Long ifMatch) {
    check(caller);
    Rule current = rules.find(id).orElseThrow(() -> new RuleProblems.RuleNotFound(id));
    if ((ifMatch != null && ifMatch != current.version()) || !rules.delete(id, ifMatch)) {
      throw stale(current.version());
    }
  }

  private Rule write(Runnable action, Rule rule) {
    try {
      tx.executeWithoutResult(s -> action.run());
      return rule;
    } catch (DataAccessException e) {
      // SQLite's unique violations reach Spring uncategorised.
      if (e instanceof DataIntegrityViolationException
          || String.valueOf(e.getMessage()).contains("UNIQUE constraint")) {
        throw new RuleProblems.RuleConflict();
      }
      throw e;
    }
  }

  private Rule checked(UUID id, Draft d, long version, Instant created, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = d.name() == null ? "" : d.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      problems.add(new FieldProblem("name", "must be 1 to 100 characters"));
    }
    String hostel = d.hostel() == null ? null : catalog.hostelSlug(d.hostel()).orElse(null);
    if (hostel == null) {
      problems.add(new FieldProblem("hostel", "is not a known hostel"));
    }
    String category = d.category() == null ? null : d.category().strip().toLowerCase(Locale.ROOT);
    if (category != null && !catalog.categories().contains(category)) {
      problems.add(
          new FieldProblem(
              "category",
              "must be null (every category) or one of "
                  + String.join(", ", catalog.categories())));
    }
    List<UUID> porters =
        d.porterIds() == null
            ? List.of()
            : List.copyOf(
                new LinkedHashSet<>(d.porterIds().stream().filter(Objects::nonNull).toList()));
    if (porters.isEmpty() || porters.size() > MAX_MEMBERS) {
      problems.add(
          new FieldProblem("porter_ids", "must name 1 to " + MAX_MEMBERS + " porters (a team)"));
    } else if (porters.stream()
        .anyMatch(p -> staff.findActive(p).map(m -> m.role() != Role.PORTER).orElse(true))) {
      problems.add(new FieldProblem("porter_ids", "must all be active porters"));
    }
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
    return new Rule(id, name, hostel, category, porters, version, created, now);
  }

  private static RuleProblems.StaleRule stale(long current) {
    return new RuleProblems.StaleRule(
        "The rule has changed since it was read (its ETag is now \"" + current + "\")");
  }

  private static void check(Caller caller) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may read and edit assignment rules");
    }
  }
}
