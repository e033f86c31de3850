package org.hostel.complaints.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.incident.ActiveIncidents;
import org.hostel.complaints.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The public pages: the report form (also a plain form POST), the tracking page and its answers,
 * and the pages behind the links in mails. Failures come back as the page again with the reason.
 */
@Controller
@SecurityRequirements
@ConditionalOnProperty(name = "complaints.portal.enabled", matchIfMissing = true)
class PortalPages {

  private final Intake intake;
  private final Tracking tracking;
  private final EmailUpdates mail;
  private final Reporting reporting;
  private final ActiveIncidents incidents;
  private final PortalKeys keys;
  private final PortalSettings settings;
  private final ResourceUrlProvider urls;
  private final Clock clock;

  PortalPages(
      Intake intake,
      Tracking tracking,
      EmailUpdates mail,
      Reporting reporting,
      ActiveIncidents incidents,
      PortalKeys keys,
      PortalSettings settings,
      ResourceUrlProvider urls,
      Clock clock) {
    this.intake = intake;
    this.tracking = tracking;
    this.mail = mail;
    this.reporting = reporting;
    this.incidents = incidents;
    this.keys = keys;
    this.settings = settings;
    this.urls = urls;
    this.clock = clock;
  }

  @Operation(
      summary = "The public report page",
      description =
          "The HTML form for residents without Telegram; `h`, `r` and `k` (from a room poster's QR code) fill in and lock hostel and room. A poster code that does not match is 400. When the hostel is known, its active incidents (title, public message, ETA) stand above the description field. Not an API call.")
  @GetMapping("/report")
  ResponseEntity<String> report(
      @RequestParam(name = "h", required = false) @Nullable String hostel,
      @RequestParam(name = "r", required = false) @Nullable String room,
      @RequestParam(name = "k", required = false) @Nullable String code) {
    boolean poster = code != null && hostel != null && room != null;
    if (poster && !keys.posterCodeMatches(hostel, room.toUpperCase(Locale.ROOT), code)) {
      return message(
          HttpStatus.BAD_REQUEST,
          "Poster link not valid",
          "This poster's code does not match its room. Ask the hostel office for a new poster.");
    }
    if (!poster && settings.requirePosterCode()) {
      return message(
          HttpStatus.OK,
          "Report a problem",
          "Reports are taken from the room posters: scan the QR code on the poster in your room"
              + " or corridor.");
    }
    var values =
        new Intake.Form(
            hostel, room, null, null, null, null, null, poster ? code : null, null, null, null);
    return form(HttpStatus.OK, values, Map.of(), null, poster);
  }

  @Operation(
      summary = "Send the report form",
      description =
          "The page's form without JavaScript (`application/x-www-form-urlencoded`, the fields of `POST /api/v1/public/complaints`): 303 to the tracking page, or the form again with the problems.")
  @PostMapping(path = "/report", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> send(HttpServletRequest request) {
    var form =
        new Intake.Form(
            request.getParameter("hostel"),
            request.getParameter("room_number"),
            request.getParameter("category"),
            request.getParameter("description"),
            request.getParameter("severity"),
            request.getParameter("name"),
            request.getParameter("email"),
            request.getParameter("poster"),
            request.getParameter("website"),
            request.getParameter("stamp"),
            request.getParameter("proof"));
    try {
      Intake.Submitted done = intake.submit(form, request.getRemoteAddr());
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .location(URI.create("/track/" + done.token()))
          .build();
    } catch (ApiException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.fieldErrors().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
      String message = errors.isEmpty() ? e.getMessage() : null;
      boolean locked = form.poster() != null && !form.poster().isBlank() && errors.isEmpty();
      return form(e.status(), form, errors, message, locked);
    }
  }

  @Operation(
      summary = "The tracking page",
      description =
          "What a reporter's private link shows, with \"Fixed\" / \"Not fixed\" once resolved and the rating once closed; `noindex`, no referrer. Not an API call.")
  @GetMapping("/track/{token}")
  ResponseEntity<String> track(
      @PathVariable String token, @RequestParam(required = false) @Nullable String done) {
    return trackPage(token, done == null ? null : "Thank you, your answer was saved.");
  }

  @Operation(
      summary = "Answer \"Is it fixed?\" from the tracking page",
      description = "The page's form (`fixed=true|false`): 303 back to the page.")
  @PostMapping(
      path = "/track/{token}/confirmation",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> confirm(@PathVariable String token, @RequestParam String fixed) {
    try {
      tracking.confirm(token, Boolean.parseBoolean(fixed));
      return back(token);
    } catch (PortalProblems.NotFound e) {
      return notFound();
    } catch (ApiException e) {
      return trackPage(token, e.getMessage());
    }
  }

  @Operation(
      summary = "Rate from the tracking page",
      description = "The page's form (`stars=1..5`): 303 back to the page.")
  @PostMapping(
      path = "/track/{token}/rating",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> rate(@PathVariable String token, @RequestParam String stars) {
    try {
      tracking.rate(token, Integer.parseInt(stars.strip()));
      return back(token);
    } catch (PortalProblems.NotFound e) {
      return notFound();
    } catch (NumberFormatException | ApiException e) {
      return trackPage(token, "That rating could not be saved");
    }
  }

  @Operation(
      summary = "Confirm an e-mail address (page)",
      description = "The link in the confirmation mail: a page with a button, which posts back.")
  @GetMapping("/portal/email/{id}/{code}")
  ResponseEntity<String> confirmEmailPage(@PathVariable UUID id, @PathVariable String code) {
    return button(
        "Confirm e-mail updates", "/portal/email/" + id + "/" + code, "Yes, send me updates");
  }

  @Operation(
      summary = "Confirm an e-mail address",
      description = "Turns on updates by mail for the report; an invalid link is 404.")
  @PostMapping("/portal/email/{id}/{code}")
  ResponseEntity<String> confirmEmail(@PathVariable UUID id, @PathVariable String code) {
    return mail.confirm(id, code)
        ? message(
            HttpStatus.OK, "E-mail confirmed", "You will get an e-mail when the complaint changes.")
        : notFound();
  }

  @Operation(
      summary = "Stop e-mail updates (page)",
      description = "The unsubscribe link in every mail: a page with a button, which posts back.")
  @GetMapping("/portal/unsubscribe/{id}/{code}")
  ResponseEntity<String> unsubscribePage(@PathVariable UUID id, @PathVariable String code) {
    return button(
        "Stop e-mail updates", "/portal/unsubscribe/" + id + "/" + code, "Stop the e-mails");
  }

  @Operation(
      summary = "Stop e-mail updates",
      description =
          "Also the one-click target of `List-Unsubscribe-Post` (RFC 8058); an invalid link is 404.")
  @PostMapping("/portal/unsubscribe/{id}/{code}")
  ResponseEntity<String> unsubscribe(@PathVariable UUID id, @PathVariable String code) {
    return mail.unsubscribe(id, code)
        ? message(
            HttpStatus.OK, "E-mails stopped", "You will get no more e-mails about this complaint.")
        : notFound();
  }

  private ResponseEntity<String> form(
      HttpStatusCode status,
      Intake.Form values,
      Map<String, String> errors,
      @Nullable String message,
      boolean locked) {
    // A form shown again keeps the time it was first served: the fill time runs from there.
    String stamp =
        values.stamp() != null && keys.stampTime(values.stamp()) > 0
            ? values.stamp()
            : keys.stamp(clock.millis());
    String hostel = values.hostel();
    boolean known =
        hostel != null && reporting.hostels().stream().anyMatch(h -> h.slug().equals(hostel));
    var state =
        new ReportPage.State(
            values,
            errors,
            message,
            locked,
            stamp,
            settings.proofBits(),
            known ? incidents.in(hostel) : List.of());
    String body =
        ReportPage.body(
            state, reporting.hostels(), reporting.categories(), reporting.roomExample());
    return Html.answer(status, Html.page(urls, "Report a problem", body, true, false), false);
  }

  private ResponseEntity<String> trackPage(String token, @Nullable String notice) {
    try {
      Tracking.View view = tracking.view(token);
      String body = TrackPage.body(view, token, notice);
      return Html.answer(
          HttpStatus.OK, Html.page(urls, "Complaint " + view.reference(), body, false, true), true);
    } catch (PortalProblems.NotFound e) {
      return notFound();
    }
  }

  private static ResponseEntity<String> back(String token) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/track/" + token + "?done=1"))
        .build();
  }

  private ResponseEntity<String> notFound() {
    return message(HttpStatus.NOT_FOUND, "Link not valid", "This link is not valid (any more).");
  }

  private ResponseEntity<String> message(HttpStatusCode status, String title, String text) {
    String body = "<p>" + Html.esc(text) + "</p><p><a href=\"/report\">Report a problem</a></p>";
    return Html.answer(status, Html.page(urls, title, body, false, true), true);
  }

  private ResponseEntity<String> button(String title, String action, String label) {
    String body =
        "<form method=\"post\" action=\""
            + Html.esc(action)
            + "\"><button>"
            + Html.esc(label)
            + "</button></form>";
    return Html.answer(HttpStatus.OK, Html.page(urls, title, body, false, true), true);
  }
}
