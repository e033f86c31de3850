package org.hostel.complaints.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

  private final IncidentService incidents;

  IncidentController(IncidentService incidents) {
    this.incidents = incidents;
  }

  record ScopeRequest(
      @NotBlank(message = "hostel is required") String hostel, @Nullable List<String> wings) {}

  record DeclareRequest(
      @NotBlank(message = "title is required") @Size(max = 200) String title,
      @NotBlank(message = "category is required") String category,
      @NotBlank(message = "message is required") @Size(max = 1000) String message,
      @Nullable Instant eta,
      @NotNull(message = "scope is required") List<@Valid ScopeRequest> scope) {}

  /** Only what is given changes; {@code eta: null} clears the ETA. */
  record ChangeRequest(
      @Nullable @Size(min = 1, max = 200) String title,
      @Nullable @Size(min = 1, max = 1000) String message,
      @Nullable JsonNode eta) {}

  record LinkRequest(@Nullable List<String> complaintIds, @Nullable Boolean matching) {}

  record IncidentResponse(
      UUID id,
      String title,
      String category,
      String message,
      @Nullable Instant eta,
      String status,
      List<Incident.Scope> scope,
      String notice,
      Instant createdAt,
      Instant updatedAt) {

    static IncidentResponse of(Incident i) {
      return new IncidentResponse(
          i.id(),
          i.title(),
          i.category(),
          i.message(),
          i.eta(),
          i.status(),
          i.scope(),
          i.notice(),
          i.createdAt(),
          i.updatedAt());
    }
  }

  record ListResponse(List<IncidentResponse> items) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record LinkResponse(List<IncidentService.LinkResult> results) {}

  @Operation(
      summary = "Declare an incident",
      description =
          "Admins declare a block-wide problem: `title`, `category`, public `message`, optional `eta`, and `scope`: `[{hostel, wings?}]` (no wings: the whole hostel). No scope, an unknown hostel or category: 422. From then on new complaints of that category in that scope are linked at once and their reporters get the incident's notice.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  IncidentResponse declare(Caller caller, @Valid @RequestBody DeclareRequest body) {
    var draft =
        new IncidentService.Draft(
            body.title(),
            body.category(),
            body.message(),
            body.eta(),
            body.scope().stream()
                .map(
                    s ->
                        new Incident.Scope(
                            s.hostel(), s.wings() == null ? List.of() : List.copyOf(s.wings())))
                .toList());
    return IncidentResponse.of(incidents.declare(caller, draft));
  }

  @Operation(
      summary = "List incidents",
      description =
          "Newest first, for staff and the integration (the bot and portal show the active ones for the chosen hostel): `status` (`active` or `resolved`) and `hostel` narrow the list.")
  @GetMapping
  ListResponse list(
      Caller caller,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String hostel) {
    if (status != null && !status.equals("active") && !status.equals("resolved")) {
      throw ValidationFailed.of("status", "must be active or resolved");
    }
    return new ListResponse(
        incidents.list(status, hostel).stream().map(IncidentResponse::of).toList());
  }

  @Operation(summary = "Read an incident", description = "One incident, with its scope and notice.")
  @GetMapping("/{id}")
  IncidentResponse get(Caller caller, @PathVariable UUID id) {
    return IncidentResponse.of(incidents.get(id));
  }

  @Operation(
      summary = "Change an incident",
      description =
          "Admins change `title`, `message` or `eta` (null clears it) of an active incident; when the notice changes, every reporter of an open linked complaint gets it once. A resolved incident: 409.")
  @PatchMapping("/{id}")
  IncidentResponse change(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody ChangeRequest body) {
    boolean setEta = body.eta() != null;
    Instant eta = null;
    if (setEta && !body.eta().isNull()) {
      try {
        eta = Instant.parse(body.eta().asString());
      } catch (RuntimeException e) {
        throw ValidationFailed.of("eta", "must be a UTC time such as 2026-12-02T16:00:00Z");
      }
    }
    return IncidentResponse.of(
        incidents.change(caller, id, body.title(), body.message(), setEta, eta));
  }

  @Operation(
      summary = "Resolve an incident",
      description =
          "Admins resolve an active incident; every open complaint linked to it is resolved along the status machine, each reporter hearing one resolved notice. Already resolved: 409.")
  @PostMapping("/{id}/resolve")
  IncidentResponse resolve(Caller caller, @PathVariable UUID id) {
    return IncidentResponse.of(incidents.resolve(caller, id));
  }

  @Operation(
      summary = "Link complaints to an incident",
      description =
          "Admins link `complaint_ids` (or, with `matching: true`, every open complaint of the incident's category in its scope) to an active incident, each on its own: `{results: [{id, ok, problem?}]}`; each newly linked reporter gets the notice once. An invisible or finished complaint is a per-item problem.")
  @PostMapping("/{id}/link")
  LinkResponse link(Caller caller, @PathVariable UUID id, @RequestBody LinkRequest body) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may change incidents");
    }
    // Given ids are at most 500 a call; "matching" links every open match, however many.
    boolean matching = Boolean.TRUE.equals(body.matching());
    List<String> ids =
        matching
            ? incidents.matching(caller, id)
            : body.complaintIds() == null ? List.of() : body.complaintIds();
    if (!matching && (ids.isEmpty() || ids.size() > 500)) {
      throw ValidationFailed.of("complaint_ids", "must hold 1 to 500 ids");
    }
    return new LinkResponse(incidents.link(caller, id, ids));
  }
}
