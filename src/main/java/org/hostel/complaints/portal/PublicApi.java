package org.hostel.complaints.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.incident.ActiveIncidents;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public JSON API behind the report and tracking pages; no credentials, a token at most. */
@RestController
@SecurityRequirements
@ConditionalOnProperty(name = "complaints.portal.enabled", matchIfMissing = true)
class PublicApi {

  private final Intake intake;
  private final Tracking tracking;
  private final PortalKeys keys;
  private final PortalSettings settings;
  private final Reporting reporting;
  private final ActiveIncidents incidents;
  private final Clock clock;

  PublicApi(
      Intake intake,
      Tracking tracking,
      PortalKeys keys,
      PortalSettings settings,
      Reporting reporting,
      ActiveIncidents incidents,
      Clock clock) {
    this.intake = intake;
    this.reporting = reporting;
    this.incidents = incidents;
    this.tracking = tracking;
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  record Created(String reference, URI trackingUrl) {}

  record Confirmation(@Nullable Boolean fixed) {}

  record Rating(@Nullable Integer stars) {}

  record Form(String stamp, int proofBits) {}

  @Operation(
      summary = "A fresh form stamp",
      description =
          "The signed `stamp` a report must carry (it proves the form came from this service and how long it was open) and the `proof_bits` the proof of work must reach when it is asked for.")
  @GetMapping("/api/v1/public/form")
  ResponseEntity<Form> form() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new Form(keys.stamp(clock.millis()), settings.proofBits()));
  }

  record KnownProblems(List<ActiveIncidents.Notice> items) {}

  @Operation(
      summary = "Known problems in a hostel (public)",
      description =
          "The active incidents of the hostel `hostel` (a slug), newest first, as the report page shows them above the description: only `title`, `message` (the public message) and `eta` (or null). A missing or unknown hostel is 422.")
  @GetMapping("/api/v1/public/incidents")
  ResponseEntity<KnownProblems> incidents(
      @RequestParam(name = "hostel", required = false) @Nullable String hostel) {
    if (hostel == null || hostel.isBlank()) {
      throw ValidationFailed.of("hostel", "hostel is required");
    }
    if (reporting.hostels().stream().noneMatch(h -> h.slug().equals(hostel))) {
      throw ValidationFailed.of("hostel", "hostel is not a known hostel");
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new KnownProblems(incidents.in(hostel)));
  }

  @Operation(
      summary = "Report a problem (public)",
      description =
          "The report page's submit: `hostel`, `room_number`, `category`, `description`, `severity` as for `POST /api/v1/complaints/submit`, optional `name`, `email` (gets a confirmation link first) and `poster` (the signed code of a room poster: the complaint's channel is then `poster`), the page's `stamp`, `website` (the honeypot: must stay empty) and `proof` when asked for (428). Limits per address and per room answer 429. 201 with the `reference` and the private `tracking_url`.")
  @PostMapping("/api/v1/public/complaints")
  ResponseEntity<Created> submit(@RequestBody Intake.Form body, HttpServletRequest request) {
    Intake.Submitted submitted = intake.submit(body, request.getRemoteAddr());
    URI tracking =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/track/{token}")
            .buildAndExpand(submitted.token())
            .toUri();
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(new Created(submitted.complaint().reference(), tracking));
  }

  @Operation(
      summary = "Add a photo to a public report",
      description =
          "A multipart `file`, checked and processed as every photo upload; at most 5 per report and only within the first hour (`COMPLAINTS_PORTAL_PHOTO_WINDOW`). The page shrinks large photos before sending them.")
  @PostMapping(
      path = "/api/v1/public/complaints/{token}/photos",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, UUID>> photo(
      @PathVariable String token,
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw ValidationFailed.of("file", "A photo file is required");
    }
    try (InputStream in = file.getInputStream()) {
      String name = file.getOriginalFilename() == null ? "photo" : file.getOriginalFilename();
      UUID id = intake.addPhoto(token, name, in);
      return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Operation(
      summary = "Follow a report (public)",
      description =
          "What the tracking link shows: status, history without staff names, public comments, the rating, and whether the reporter may now confirm (`can_confirm`) or rate (`can_rate`). An unknown or revoked token is 404.")
  @GetMapping("/api/v1/public/track/{token}")
  ResponseEntity<Tracking.View> track(@PathVariable String token) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("X-Robots-Tag", "noindex")
        .body(tracking.view(token));
  }

  @Operation(
      summary = "Say whether it is fixed (public)",
      description =
          "`{fixed: true}` closes a resolved complaint, `{fixed: false}` reopens it (back to in progress), with the bot's rules; any other status is 409.")
  @PostMapping("/api/v1/public/track/{token}/confirmation")
  Tracking.View confirm(@PathVariable String token, @RequestBody Confirmation body) {
    if (body.fixed() == null) {
      throw ValidationFailed.of("fixed", "Fixed must be true or false");
    }
    return tracking.confirm(token, body.fixed());
  }

  @Operation(
      summary = "Rate the handling (public)",
      description =
          "`{stars: 1..5}` once the complaint is closed; only the first rating counts (409 after).")
  @PostMapping("/api/v1/public/track/{token}/rating")
  Tracking.View rate(@PathVariable String token, @RequestBody Rating body) {
    if (body.stars() == null) {
      throw ValidationFailed.of("stars", "Stars must be 1 to 5");
    }
    return tracking.rate(token, body.stars());
  }
}
