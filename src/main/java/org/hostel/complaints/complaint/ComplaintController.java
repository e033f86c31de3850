package org.hostel.complaints.complaint;

import static org.hostel.complaints.complaint.ComplaintHeaders.expectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

  private final ComplaintService complaints;
  private final ComplaintPages pages;
  private final SubmissionService submissions;
  private final ComplaintResponses responses;
  private final ComplaintReads reads;

  ComplaintController(
      ComplaintService complaints,
      ComplaintPages pages,
      SubmissionService submissions,
      ComplaintResponses responses,
      ComplaintReads reads) {
    this.complaints = complaints;
    this.pages = pages;
    this.submissions = submissions;
    this.responses = responses;
    this.reads = reads;
  }

  /** {@code reason} is required to put a complaint on hold, ignored otherwise. */
  record StatusRequest(@NotNull Status status, @Nullable String reason) {}

  /** {@code assigned_porter_id}: a staff id, or null to unassign. */
  record AssignRequest(@Nullable JsonNode assignedPorterId) {}

  record ChangeRequest(
      @Nullable Status status,
      @Nullable JsonNode assignedPorterId,
      @Nullable Priority priority,
      @Nullable String reason) {}

  /**
   * {@code total} is exact when {@code total_exact}, else a lower bound (the count cap); {@code
   * next_cursor} is null on the last page.
   */
  record PageResponse(
      List<ComplaintResponse> items,
      long total,
      boolean totalExact,
      int page,
      int pageSize,
      long totalPages,
      @Nullable String nextCursor) {}

  record AssignmentResponse(
      UUID id,
      UUID complaintId,
      @Nullable UUID assignedBy,
      @Nullable String assignedTo,
      java.time.Instant createdAt) {}

  @Operation(
      summary = "Submit a complaint",
      description =
          "Creates a complaint in status `reported` and answers 201 with it (plus `complaint_id`, the same id, for the bot). `hostel` takes the slug or the display name; `room_number` is trimmed and upper-cased and must fit the configured room format; `wing` defaults to the room's first character. Every wrong field is reported at once in `errors`. With an `Idempotency-Key` header a repeat with the same body answers the first complaint (201); with another body 409.")
  @ApiResponse(
      responseCode = "201",
      description = "Created, or the first complaint of a repeated Idempotency-Key")
  @PostMapping("/submit")
  ResponseEntity<ComplaintResponse> submit(
      Caller caller,
      @Valid @RequestBody SubmitComplaintRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
    SubmissionService.Submission submission =
        submissions.submit(caller, body, ComplaintHeaders.idempotencyKey(key));
    return withTag(HttpStatus.CREATED, caller, submission.complaint());
  }

  @Operation(
      summary = "Read one complaint by its reference",
      description =
          "The complaint whose human reference is `{reference}` (`C-1042`), under the same visibility rules as reading it by id; an unknown, malformed or invisible reference is 404.")
  @GetMapping("/by-reference/{reference}")
  ResponseEntity<ComplaintResponse> byReference(Caller caller, @PathVariable String reference) {
    return withTag(HttpStatus.OK, caller, complaints.visibleByReference(caller, reference));
  }

  @Operation(
      summary = "Read one complaint",
      description =
          "The complaint with `allowed_transitions` and `can_assign` for the caller, and `ETag: \"<version>\"`; `If-None-Match` answers 304. A complaint the caller may not see is 404.")
  @GetMapping("/{id}")
  ResponseEntity<ComplaintResponse> get(Caller caller, @PathVariable UUID id, WebRequest request) {
    ComplaintReads.Read read = reads.visible(caller, id);
    String etag = ComplaintHeaders.etag(read.complaint());
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    return ResponseEntity.ok().eTag(etag).body(responses.of(caller, read));
  }

  @Operation(
      summary = "List complaints",
      description =
          "Newest first by default, paged (`page` from 1, `page_size` 1–100), over what the caller may see. `total` counts the matches exactly up to a cap (10,000 by default) and `total_exact` says whether it did; beyond the cap `total` is the cap. `next_cursor` is null on the last page; sent back as `after` (with the same filters and sort) it answers the page after this one from the index, however deep, and `page` is then ignored. Filters: `status`, `hostel`, `category`, `severity`, `priority`, `telegram_user_id`, `assigned_porter_id`, `channel` (`bot`, `portal`, `poster`, `staff`), `due_before` (an ISO time: complaints whose next SLA target falls before it; `due_before=<now>` is the overdue view); `q` searches description, room and category as plain text. `sort` is `-created_at` (default), `created_at`, `-updated_at`, `updated_at`, `-severity`, `severity`, `-priority`, `priority` or `due` (next SLA target first). Unknown filter values are 422.")
  @GetMapping
  PageResponse list(
      Caller caller,
      @ParameterObject ComplaintQuery query,
      @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
      @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize,
      @RequestParam(required = false) @Nullable String after) {
    ComplaintPages.Page result = pages.list(caller, query, page, pageSize, after);
    long totalPages = (result.total() + pageSize - 1) / pageSize;
    return new PageResponse(
        responses.all(caller, result.items()),
        result.total(),
        result.exact(),
        page,
        pageSize,
        totalPages,
        result.nextCursor());
  }

  @Operation(
      summary = "Change the status",
      description =
          "Moves the complaint along the status machine (see docs/API.md): illegal moves are 400, moves the caller may not make 403. `on_hold` needs `reason` (422 without). `If-Match` makes a stale write 412.")
  @PatchMapping("/{id}/status")
  ResponseEntity<ComplaintResponse> status(
      Caller caller,
      @PathVariable UUID id,
      @Valid @RequestBody StatusRequest body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    return changed(
        caller,
        complaints.change(
            caller,
            id,
            ComplaintService.Edit.status(body.status(), body.reason()),
            expectedVersion(ifMatch)));
  }

  @Operation(
      summary = "Assign or unassign",
      description =
          "`assigned_porter_id`: an active staff member's id, or null to unassign (admins). Porters may only take an unassigned complaint for themselves.")
  @PatchMapping("/{id}/assign")
  ResponseEntity<ComplaintResponse> assign(
      Caller caller,
      @PathVariable UUID id,
      @Valid @RequestBody AssignRequest body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    if (body.assignedPorterId() == null) {
      throw ValidationFailed.of("assigned_porter_id", "is required (null unassigns)");
    }
    return changed(
        caller,
        complaints.change(
            caller,
            id,
            new ComplaintService.Edit(null, null, true, porterId(body.assignedPorterId()), null),
            expectedVersion(ifMatch)));
  }

  @Operation(
      summary = "Assign and change the status in one request",
      description =
          "Applies `assigned_porter_id` first, then `priority` (admins and the assignee), then `status` (with `reason` for `on_hold`), in one transaction; any may be left out but not all. `If-Match` makes a stale write 412.")
  @PatchMapping("/{id}")
  ResponseEntity<ComplaintResponse> change(
      Caller caller,
      @PathVariable UUID id,
      @Valid @RequestBody ChangeRequest body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    boolean assign = body.assignedPorterId() != null;
    if (!assign && body.status() == null && body.priority() == null) {
      throw ValidationFailed.of("body", "give status, assigned_porter_id, priority or several");
    }
    UUID porter = assign ? porterId(body.assignedPorterId()) : null;
    var edit =
        new ComplaintService.Edit(body.status(), body.reason(), assign, porter, body.priority());
    return changed(caller, complaints.change(caller, id, edit, expectedVersion(ifMatch)));
  }

  @Operation(
      summary = "Assignment records",
      description = "The assignment entries of the complaint's history, newest first (admins).")
  @GetMapping("/{id}/assignments")
  List<AssignmentResponse> assignments(Caller caller, @PathVariable UUID id) {
    return complaints.assignments(caller, id).stream()
        .map(e -> new AssignmentResponse(e.id(), e.complaintId(), e.actorId(), e.to(), e.at()))
        .toList();
  }

  @Operation(
      summary = "History",
      description =
          "Everything that happened to the complaint: `created`, `assignment`, `status`, `photo_added`, `photo_removed`, oldest first (staff).")
  @GetMapping("/{id}/history")
  List<ComplaintService.HistoryEntry> history(Caller caller, @PathVariable UUID id) {
    return complaints.history(caller, id);
  }

  private ResponseEntity<ComplaintResponse> changed(Caller caller, Complaint complaint) {
    return withTag(HttpStatus.OK, caller, complaint);
  }

  private ResponseEntity<ComplaintResponse> withTag(
      HttpStatus status, Caller caller, Complaint complaint) {
    return ResponseEntity.status(status)
        .eTag(ComplaintHeaders.etag(complaint))
        .body(responses.of(caller, complaint));
  }

  static @Nullable UUID porterId(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isString()) {
      try {
        return UUID.fromString(node.asString());
      } catch (IllegalArgumentException e) {
        // falls through to the validation failure
      }
    }
    throw ValidationFailed.of("assigned_porter_id", "must be a staff id (UUID) or null");
  }
}
