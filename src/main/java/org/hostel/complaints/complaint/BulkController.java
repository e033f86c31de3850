package org.hostel.complaints.complaint;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ApiException.FieldProblem;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class BulkController {

  private final BulkActions bulk;

  BulkController(BulkActions bulk) {
    this.bulk = bulk;
  }

  /** The ids, the action, and the one field that action needs. */
  record BulkRequest(
      @NotNull(message = "ids is required") List<String> ids,
      @NotNull(message = "action is required") String action,
      @Nullable JsonNode assignedPorterId,
      @Nullable Status status,
      @Nullable String reason,
      @Nullable JsonNode priority,
      @Nullable UUID incidentId,
      @Nullable UUID into) {}

  record BulkResponse(List<BulkActions.Result> results) {}

  @Operation(
      summary = "One action on many complaints",
      description =
          "`{ids, action, ...}` with at most 500 ids; `action` is `assign` (`assigned_porter_id`, null unassigns), `status` (`status`, and `reason` for `on_hold`), `duplicate_of` (`into`), `incident` (`incident_id`, admins) or `priority` (`priority`). Each id goes through the same rules as the single action in its own transaction; answers 200 `{results: [{id, ok, status?, problem?}]}` in the order given. An id the caller may not see (or not an id) is a per-item 404; an id listed twice a per-item 422.")
  @PostMapping("/api/v1/complaints/bulk")
  BulkResponse bulk(Caller caller, @Valid @RequestBody BulkRequest body) {
    List<FieldProblem> problems = new ArrayList<>();
    if (body.ids().isEmpty() || body.ids().size() > BulkActions.MAX_IDS) {
      problems.add(new FieldProblem("ids", "must hold 1 to " + BulkActions.MAX_IDS + " ids"));
    }
    Function<UUID, Complaint> action = action(caller, body, problems);
    if (!problems.isEmpty()) {
      throw ValidationFailed.of(problems);
    }
    return new BulkResponse(bulk.apply(caller, body.ids(), action));
  }

  private @Nullable Function<UUID, Complaint> action(
      Caller caller, BulkRequest body, List<FieldProblem> problems) {
    switch (body.action()) {
      case "assign" -> {
        if (body.assignedPorterId() == null) {
          problems.add(new FieldProblem("assigned_porter_id", "is required (null unassigns)"));
          return null;
        }
        UUID porter = ComplaintController.porterId(body.assignedPorterId());
        return id -> bulk.assign(caller, id, porter);
      }
      case "status" -> {
        Status status = body.status();
        if (status == null) {
          problems.add(new FieldProblem("status", "is required"));
          return null;
        }
        return id -> bulk.move(caller, id, status, body.reason());
      }
      case "duplicate_of" -> {
        UUID into = body.into();
        if (into == null) {
          problems.add(new FieldProblem("into", "is required"));
          return null;
        }
        return id -> bulk.merge(caller, id, into);
      }
      case "incident" -> {
        UUID incident = body.incidentId();
        if (incident == null || !bulk.linksIncidents()) {
          problems.add(
              new FieldProblem(
                  "incident_id", incident == null ? "is required" : "incidents are not enabled"));
          return null;
        }
        return id -> bulk.linkIncident(caller, id, incident);
      }
      case "priority" -> {
        Priority priority = priority(body.priority());
        if (priority == null) {
          problems.add(new FieldProblem("priority", "must be one of " + Priority.names()));
          return null;
        }
        return id -> bulk.prioritise(caller, id, priority);
      }
      default -> {
        problems.add(
            new FieldProblem(
                "action", "must be one of assign, status, priority, incident, duplicate_of"));
        return null;
      }
    }
  }

  private static @Nullable Priority priority(@Nullable JsonNode given) {
    if (given == null || !given.isString()) {
      return null;
    }
    try {
      return Priority.fromValue(given.asString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
