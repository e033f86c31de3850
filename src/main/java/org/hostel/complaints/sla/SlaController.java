package org.hostel.complaints.sla;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hostel.complaints.complaint.CatalogView;
import org.hostel.complaints.complaint.Priority;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sla/policies")
class SlaController {

  private final SlaPolicies policies;
  private final SlaClock clock;
  private final SlaSettings settings;
  private final CatalogView complaints;

  SlaController(
      SlaPolicies policies, SlaClock clock, SlaSettings settings, CatalogView complaints) {
    this.policies = policies;
    this.clock = clock;
    this.settings = settings;
    this.complaints = complaints;
  }

  record PolicyRequest(
      @Nullable String category,
      @Nullable Priority priority,
      @Nullable Long responseMinutes,
      @Nullable Long resolutionMinutes) {}

  record Policy(
      String category,
      Priority priority,
      long responseMinutes,
      long resolutionMinutes,
      boolean custom) {}

  record Policies(
      String timeZone,
      String businessHours,
      String urgentHours,
      List<LocalDate> holidays,
      List<Policy> policies) {}

  @Operation(
      summary = "SLA policies",
      description =
          "The working time clocks count in (`business_hours`, `urgent_hours` for urgent complaints, `holidays`, `time_zone`; set by configuration) and the targets per category (`*`: every category) and priority, in minutes of business time; `custom` lines were set by an admin, the others are defaults (staff).")
  @GetMapping
  Policies read(Caller caller) {
    if (!caller.isStaff()) {
      throw AccessDenied.because("Only staff may read SLA policies");
    }
    return new Policies(
        settings.timeZone().getId(),
        settings.businessHours(),
        settings.urgentHours(),
        settings.holidays(),
        policies.all(p -> clock.calendar(p).workingDay()).stream()
            .map(
                t ->
                    new Policy(
                        t.category(),
                        t.priority(),
                        t.responseMinutes(),
                        t.resolutionMinutes(),
                        t.custom()))
            .toList());
  }

  @Operation(
      summary = "Set an SLA target",
      description =
          "`{category, priority, response_minutes, resolution_minutes}` (admins): `category` a configured category or `*` for every one; both targets whole minutes of business time, the response at least 1 and at most the resolution, the resolution at most a year. Applies to complaints submitted or re-prioritised afterwards. Bad values are 422 and change nothing.")
  @PutMapping
  Policy save(Caller caller, @RequestBody PolicyRequest body) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may set SLA policies");
    }
    List<FieldProblem> problems = new ArrayList<>();
    String category =
        body.category() == null ? null : body.category().strip().toLowerCase(Locale.ROOT);
    if (category == null
        || !(category.equals(SlaPolicies.EVERY_CATEGORY)
            || complaints.categories().contains(category))) {
      problems.add(
          new FieldProblem(
              "category", "must be * or one of " + String.join(", ", complaints.categories())));
    }
    if (body.priority() == null) {
      problems.add(new FieldProblem("priority", "is required"));
    }
    Long response = body.responseMinutes();
    Long resolution = body.resolutionMinutes();
    if (response == null || response < 1 || response > SlaPolicies.MAX_MINUTES) {
      problems.add(new FieldProblem("response_minutes", "must be 1 to " + SlaPolicies.MAX_MINUTES));
    }
    if (resolution == null || resolution < 1 || resolution > SlaPolicies.MAX_MINUTES) {
      problems.add(
          new FieldProblem("resolution_minutes", "must be 1 to " + SlaPolicies.MAX_MINUTES));
    } else if (response != null && resolution < response) {
      problems.add(
          new FieldProblem("resolution_minutes", "must not be shorter than response_minutes"));
    }
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
    policies.save(category, body.priority(), response, resolution);
    return new Policy(category, body.priority(), response, resolution, true);
  }
}
