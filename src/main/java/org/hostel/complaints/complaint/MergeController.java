package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MergeController {

  private final MergeService merges;
  private final ComplaintResponses responses;

  MergeController(MergeService merges, ComplaintResponses responses) {
    this.merges = merges;
    this.responses = responses;
  }

  record MergeRequest(@NotNull(message = "into is required") UUID into) {}

  /** The duplicate after the merge; {@code warning} only when there is something to warn of. */
  record MergeResponse(
      @JsonUnwrapped ComplaintResponse complaint,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String warning) {}

  @Operation(
      summary = "Merge a complaint into another",
      description =
          "Staff close `{id}` as a duplicate of `into`: it becomes `closed` with `duplicate_of`, its own duplicates move to `into`, its reporter is told, and from then on every update of `into` reaches its reporter too. Into itself, into a duplicate (a cycle), into or of a closed complaint: 422; already merged: 409; either complaint invisible: 404. Across hostels it is allowed and answers a `warning`.")
  @PostMapping("/api/v1/complaints/{id}/merge")
  MergeResponse merge(Caller caller, @PathVariable UUID id, @Valid @RequestBody MergeRequest body) {
    MergeService.Merged merged = merges.merge(caller, id, body.into());
    return new MergeResponse(responses.of(caller, merged.duplicate()), merged.warning());
  }

  @Operation(
      summary = "Undo a merge",
      description =
          "Staff give a merged complaint back the status it had before the merge and clear `duplicate_of`; its reporter is told. A complaint that is not merged: 422.")
  @DeleteMapping("/api/v1/complaints/{id}/merge")
  ComplaintResponse unmerge(Caller caller, @PathVariable UUID id) {
    return responses.of(caller, merges.unmerge(caller, id));
  }
}
