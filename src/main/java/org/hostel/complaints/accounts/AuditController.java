package org.hostel.complaints.accounts;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.audit.AuditEntry;
import org.hostel.complaints.audit.AuditFilter;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read the audit log: "who did this?", as pages and as a CSV file. */
@RestController
class AuditController {

  private final Audit audit;

  AuditController(Audit audit) {
    this.audit = audit;
  }

  record AuditPage(List<AuditEntry> items, long total, int page, int pageSize, long totalPages) {}

  @Operation(
      summary = "Audit log",
      description =
          "Security and administrative events, newest first (admins). Filters: `action` (exact, or a prefix ending in a dot such as `login.`), `actor` (a staff id, or text in the actor's name), `from` and `to` (ISO-8601 instants, `to` exclusive); `page` from 1, `page_size` 1–200.")
  @GetMapping("/api/v1/audit")
  AuditPage list(
      Caller caller,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
      @RequestParam(name = "page_size", defaultValue = "50") @Min(1) @Max(200) int pageSize) {
    AuditFilter filter = filter(caller, action, actor, from, to);
    Audit.Page result = audit.search(filter, page, pageSize);
    long pages = (result.total() + pageSize - 1) / pageSize;
    return new AuditPage(result.items(), result.total(), page, pageSize, pages);
  }

  @Operation(
      summary = "Audit log as CSV",
      description =
          "The same filters as `GET /api/v1/audit`, every matching row newest first (at most `COMPLAINTS_AUDIT_EXPORT_LIMIT`), as `text/csv`. Cells that a spreadsheet would run as a formula are prefixed with `'`. The export itself is audited (admins).")
  @GetMapping(path = "/api/v1/audit/export.csv", produces = "text/csv")
  void export(
      Caller caller,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      HttpServletResponse response)
      throws IOException {
    AuditFilter filter = filter(caller, action, actor, from, to);
    audit.record(
        "audit.exported",
        caller.staffId(),
        null,
        null,
        "filters: action=" + action + ", actor=" + actor + ", from=" + from + ", to=" + to);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
    response.setHeader("Cache-Control", "no-store");
    Writer writer =
        new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader(
                "id",
                "at",
                "actor_id",
                "actor",
                "action",
                "target",
                "detail",
                "address",
                "request_id")
            .get()
            .print(writer)) {
      audit.each(
          filter,
          audit.exportLimit(),
          e -> {
            try {
              csv.printRecord(
                  e.id(),
                  e.at().toString(),
                  safe(e.actorId() == null ? null : e.actorId().toString()),
                  safe(e.actor()),
                  safe(e.action()),
                  safe(e.target()),
                  safe(e.detail()),
                  safe(e.address()),
                  safe(e.requestId()));
            } catch (IOException failure) {
              throw new java.io.UncheckedIOException(failure);
            }
          });
    }
  }

  /**
   * A cell a spreadsheet would take for a formula (OWASP "CSV injection": a leading {@code =},
   * {@code +}, {@code -}, {@code @}, tab or carriage return) gets a leading apostrophe.
   */
  static String safe(@Nullable String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }

  private static AuditFilter filter(
      Caller caller,
      @Nullable String action,
      @Nullable String actor,
      @Nullable String from,
      @Nullable String to) {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may read the audit log");
    }
    if (action != null && (action.length() > 64 || !action.matches("[a-z_.]*"))) {
      throw ValidationFailed.of("action", "lower-case letters, underscores and dots, at most 64");
    }
    if (actor != null && actor.length() > 320) {
      throw ValidationFailed.of("actor", "at most 320 characters");
    }
    return new AuditFilter(blank(action), blank(actor), instant("from", from), instant("to", to));
  }

  private static @Nullable String blank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static @Nullable Instant instant(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ValidationFailed.of(field, "an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }
}
