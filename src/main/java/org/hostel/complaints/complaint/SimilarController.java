package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SimilarController {

  private final SimilarComplaints similar;
  private final ComplaintResponses responses;

  SimilarController(SimilarComplaints similar, ComplaintResponses responses) {
    this.similar = similar;
    this.responses = responses;
  }

  /** A complaint being written, before it is submitted. */
  record DraftRequest(
      @NotBlank(message = "Hostel is required") @Size(max = 200) String hostel,
      @Nullable @Size(max = 8) String wing,
      @NotBlank(message = "Room is required") @Size(max = SubmitComplaintRequest.ROOM_MAX)
          String roomNumber,
      @NotBlank(message = "Category is required") @Size(max = 100) String category,
      @NotNull(message = "Description is required") @Size(max = 2000) String description) {}

  /** A complaint as the caller sees it, and how close it is (higher is closer). */
  record ScoredComplaint(@JsonUnwrapped ComplaintResponse complaint, double score) {}

  record SimilarResponse(List<ScoredComplaint> items) {}

  @Operation(
      summary = "Complaints similar to one",
      description =
          "Open complaints likely to be the same problem: same hostel, same room or wing, same category, made within 14 days, not merged, visible to the caller; ranked by text similarity (the full-text index), best first, at most 10. Each item is a complaint plus `score` (higher is closer; comparable only within one answer).")
  @GetMapping("/api/v1/complaints/{id}/similar")
  SimilarResponse similarTo(Caller caller, @PathVariable UUID id) {
    return answer(caller, similar.similarTo(caller, id));
  }

  @Operation(
      summary = "Complaints similar to a draft",
      description =
          "The same as `GET /api/v1/complaints/{id}/similar`, for a complaint still being written: `hostel` (slug or name), `room_number`, optional `wing` (defaults to the room's first character), `category` and `description`. An unknown hostel or category is 422.")
  @PostMapping("/api/v1/complaints/similar")
  SimilarResponse similarToDraft(Caller caller, @Valid @RequestBody DraftRequest body) {
    var draft =
        new SimilarComplaints.Draft(
            body.hostel(), body.wing(), body.roomNumber(), body.category(), body.description());
    return answer(caller, similar.similarTo(caller, draft));
  }

  private SimilarResponse answer(Caller caller, List<SimilarComplaints.Scored> found) {
    List<ComplaintResponse> shown =
        responses.all(caller, found.stream().map(SimilarComplaints.Scored::complaint).toList());
    List<ScoredComplaint> items =
        java.util.stream.IntStream.range(0, found.size())
            .mapToObj(i -> new ScoredComplaint(shown.get(i), found.get(i).score()))
            .toList();
    return new SimilarResponse(items);
  }
}
