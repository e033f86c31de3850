package org.hostel.complaints.assignment;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assignment-rules")
class RuleController {

  private final RuleService rules;

  RuleController(RuleService rules) {
    this.rules = rules;
  }

  record RuleResponse(
      UUID id,
      String name,
      String hostel,
      @Nullable String category,
      List<UUID> porterIds,
      long version,
      Instant createdAt,
      Instant updatedAt) {

    static RuleResponse of(Rule r) {
      return new RuleResponse(
          r.id(),
          r.name(),
          r.hostel(),
          r.category(),
          r.porterIds(),
          r.version(),
          r.createdAt(),
          r.updatedAt());
    }
  }

  @Operation(
      summary = "Assignment rules",
      description = "Every rule, by hostel and category (admins).")
  @GetMapping
  List<RuleResponse> all(Caller caller) {
    return rules.all(caller).stream().map(RuleResponse::of).toList();
  }

  @Operation(
      summary = "One assignment rule",
      description = "The rule with `ETag: \"<version>\"` for `If-Match` (admins).")
  @GetMapping("/{id}")
  ResponseEntity<RuleResponse> one(Caller caller, @PathVariable UUID id) {
    return tagged(HttpStatus.OK, rules.one(caller, id));
  }

  @Operation(
      summary = "Create an assignment rule",
      description =
          "`{name, hostel, category, porter_ids}` (admins): complaints in `hostel` and `category` (null: every category) go to the one porter, or to the team's on-duty porter with the fewest open complaints. A category's rule wins over the hostel's rule for every category. Unknown hostel or category, or ids that are not active porters: 422; a name or hostel/category already taken: 409.")
  @PostMapping
  ResponseEntity<RuleResponse> create(Caller caller, @RequestBody RuleService.Draft body) {
    return tagged(HttpStatus.CREATED, rules.create(caller, body));
  }

  @Operation(
      summary = "Replace an assignment rule",
      description =
          "The whole rule as for creation (admins). `If-Match: \"<version>\"` makes a change made meanwhile by another admin a 412 instead of overwriting it.")
  @PutMapping("/{id}")
  ResponseEntity<RuleResponse> replace(
      Caller caller,
      @PathVariable UUID id,
      @RequestBody RuleService.Draft body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    return tagged(HttpStatus.OK, rules.replace(caller, id, body, version(ifMatch)));
  }

  @Operation(
      summary = "Delete an assignment rule",
      description = "Admins; `If-Match` as for replacing. Assigned complaints stay assigned.")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    rules.delete(caller, id, version(ifMatch));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<RuleResponse> tagged(HttpStatus status, Rule rule) {
    return ResponseEntity.status(status)
        .eTag("\"" + rule.version() + "\"")
        .body(RuleResponse.of(rule));
  }

  /** The version an {@code If-Match} names; none or {@code *} is any, a foreign tag none. */
  private static @Nullable Long version(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    try {
      return Long.parseLong(ifMatch.strip().replace("\"", ""));
    } catch (NumberFormatException e) {
      return -1L;
    }
  }
}
