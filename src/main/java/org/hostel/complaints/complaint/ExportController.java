package org.hostel.complaints.complaint;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hostel.complaints.staff.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ExportController {

  private final CsvExport export;

  ExportController(CsvExport export) {
    this.export = export;
  }

  @Operation(
      summary = "Export complaints as CSV",
      description =
          "Staff download the complaints they may see, with exactly the list's filters and `sort` (the same 422 for bad ones), as RFC 4180 CSV in UTF-8, streamed row by row. `bom=true` starts the file with a byte-order mark for Excel. `format=zip` answers a ZIP with `complaints.csv` and `history.csv` (every history line of those complaints). Cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'`. Admins also get `telegram_user_id`. Every export is logged.")
  @GetMapping("/api/v1/complaints/export.csv")
  void export(
      Caller caller,
      @ParameterObject ComplaintQuery query,
      @RequestParam(defaultValue = "false") boolean bom,
      @RequestParam(defaultValue = "csv") String format,
      HttpServletResponse response)
      throws IOException {
    boolean zip =
        switch (format) {
          case "csv" -> false;
          case "zip" -> true;
          default ->
              throw org.hostel.complaints.web.ValidationFailed.of("format", "must be csv or zip");
        };
    CsvExport.Plan plan = export.plan(caller, query, bom, zip);
    String name = "complaints-" + LocalDate.now(ZoneOffset.UTC) + (zip ? ".zip" : ".csv");
    response.setContentType(zip ? "application/zip" : "text/csv; charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    export.write(plan, response.getOutputStream());
    response.flushBuffer();
  }
}
