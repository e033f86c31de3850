package org.hostel.complaints.complaint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hostel.complaints.audit.Audit;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints as CSV (RFC 4180, Apache Commons CSV), with the list's filters and visibility, written
 * row by row as the database hands them over: memory stays bounded whatever the size. On PostgreSQL
 * the rows come through a cursor (a read-only transaction with a fetch size); on SQLite one
 * statement reads a consistent snapshot without taking the write turn.
 *
 * <p>Cells that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a
 * carriage return) get a leading apostrophe. Every export is logged with who, what and how much.
 */
@Service
class CsvExport {

  private static final Logger log = LoggerFactory.getLogger(CsvExport.class);
  private static final int FETCH = 500;

  private final ComplaintRepository complaints;
  private final ComplaintPolicy policy;
  private final Catalog catalog;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final Audit audit;

  CsvExport(
      ComplaintRepository complaints,
      ComplaintPolicy policy,
      Catalog catalog,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      Audit audit) {
    this.audit = audit;
    this.complaints = complaints;
    this.policy = policy;
    this.catalog = catalog;
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** What one export writes, checked before the first byte goes out. */
  record Plan(
      Caller caller,
      ComplaintRepository.Filter filter,
      SortOrder order,
      boolean bom,
      boolean zip,
      boolean reporters) {}

  /** Checks the caller and the filters (the list's 422) and plans the export. */
  Plan plan(Caller caller, ComplaintQuery query, boolean bom, boolean zip) {
    Rights.export(caller);
    return new Plan(
        caller,
        query.filter(catalog, policy.visibleTo(caller, "c")),
        query.order(),
        bom,
        zip,
        Rights.seesReporters(caller));
  }

  /** Writes the export to {@code out} and answers how many complaints it held. */
  long write(Plan plan, OutputStream out) throws IOException {
    long started = System.nanoTime();
    long[] counts;
    if (plan.zip()) {
      try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
        zip.putNextEntry(new ZipEntry("complaints.csv"));
        long rows = inReadTransaction(() -> complaints(plan, zip));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("history.csv"));
        long lines = inReadTransaction(() -> history(plan, zip));
        zip.closeEntry();
        counts = new long[] {rows, lines};
      }
    } else {
      counts = new long[] {inReadTransaction(() -> complaints(plan, out)), 0};
    }
    log.info(
        "Export by {} {}: {} complaints{} in {} ms (filters: {})",
        plan.caller().kind(),
        plan.caller().staffId(),
        counts[0],
        plan.zip() ? ", " + counts[1] + " history lines" : "",
        (System.nanoTime() - started) / 1_000_000,
        plan.filter());
    audit.record(
        "complaints.export",
        plan.caller().staffId(),
        plan.caller().isIntegration() ? "integration" : null,
        null,
        counts[0] + " complaints" + (plan.zip() ? " with history" : ""));
    return counts[0];
  }

  private long complaints(Plan plan, OutputStream out) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "reference",
                "id",
                "created_at",
                "updated_at",
                "status",
                "severity",
                "hostel",
                "wing",
                "room_number",
                "category",
                "description",
                "assigned_porter_id",
                "assigned_porter",
                "duplicate_of"));
    if (plan.reporters()) {
      header.add("telegram_user_id");
    }
    Map<String, Object> params = new HashMap<>();
    String where = ComplaintListing.where(plan.filter(), params, complaints.search());
    String sql =
        "SELECT c.reference, c.id, c.created_at, c.updated_at, c.status, c.severity, c.hostel,"
            + " c.wing, c.room_number, c.category, c.description, c.assigned_porter_id,"
            + " (SELECT s.full_name FROM staff s WHERE s.id = c.assigned_porter_id) AS porter,"
            + " c.duplicate_of, c.telegram_user_id FROM complaints c"
            + where
            + " ORDER BY "
            + plan.order().sql();
    return print(
        out,
        plan.bom(),
        header,
        sql,
        params,
        rs -> {
          List<@Nullable Object> row = new ArrayList<>(header.size());
          row.add("C-" + rs.getLong(1));
          row.add(rs.getString(2));
          row.add(Instant.ofEpochMilli(rs.getLong(3)).toString());
          row.add(Instant.ofEpochMilli(rs.getLong(4)).toString());
          for (int column = 5; column <= 14; column++) {
            row.add(rs.getString(column));
          }
          if (plan.reporters()) {
            row.add(rs.getString(15));
          }
          return row;
        });
  }

  private long history(Plan plan, OutputStream out) {
    Map<String, Object> params = new HashMap<>();
    String where = ComplaintListing.where(plan.filter(), params, complaints.search());
    String sql =
        "SELECT c.reference, h.complaint_id, h.at, h.actor_id,"
            + " (SELECT s.full_name FROM staff s WHERE s.id = h.actor_id) AS actor, h.action,"
            + " h.from_value, h.to_value FROM complaint_history h"
            + " JOIN complaints c ON c.id = h.complaint_id"
            + " WHERE h.complaint_id IN (SELECT c.id FROM complaints c"
            + where
            + ") ORDER BY h.complaint_id, h.at, h.id";
    return print(
        out,
        plan.bom(),
        List.of("reference", "complaint_id", "at", "actor_id", "actor", "action", "from", "to"),
        sql,
        params,
        rs ->
            List.of(
                "C-" + rs.getLong(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)).toString(),
                String.valueOf(rs.getString(4) == null ? "" : rs.getString(4)),
                rs.getString(4) == null
                    ? "integration"
                    : rs.getString(5) == null ? "former staff" : rs.getString(5),
                rs.getString(6),
                String.valueOf(rs.getString(7) == null ? "" : rs.getString(7)),
                String.valueOf(rs.getString(8) == null ? "" : rs.getString(8))));
  }

  private interface Row {
    List<@Nullable Object> of(ResultSet rs) throws SQLException;
  }

  private long print(
      OutputStream out,
      boolean bom,
      List<String> header,
      String sql,
      Map<String, Object> params,
      Row row) {
    long[] count = {0};
    try {
      // Not closed: closing would close the response (or the ZIP entry's stream) too early.
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      if (bom) {
        writer.write('\uFEFF');
      }
      CSVPrinter csv =
          new CSVPrinter(
              writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
      new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc)
          .query(
              sql,
              params,
              (RowCallbackHandler)
                  rs -> {
                    try {
                      List<@Nullable Object> cells = row.of(rs);
                      csv.printRecord(cells.stream().map(CsvExport::safe).toList());
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                    count[0]++;
                  });
      csv.flush();
      return count[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cell as written: formulas defused, nulls empty. */
  static String safe(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private long inReadTransaction(java.util.function.LongSupplier work) {
    if (complaints.search().sqlite()) {
      return work.getAsLong();
    }
    Long rows = readOnly.execute(s -> work.getAsLong());
    return rows == null ? 0 : rows;
  }
}
