package org.hostel.complaints.complaint;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.hostel.complaints.testing.BothDatabases;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads many complaint rows fast, for the benchmarks at 1,000,000 complaints: {@code COPY} on
 * PostgreSQL, batched inserts in one transaction on SQLite. Each row is text, {@code null} for SQL
 * NULL.
 */
final class BulkComplaints {

  private BulkComplaints() {}

  /** A benchmark's part on one database. */
  interface OnVendor {
    void run(String vendor, DataSource dataSource, JdbcClient jdbc) throws Exception;
  }

  /** The columns every benchmark fills; {@link #columns} adds a benchmark's own after them. */
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "telegram_user_id",
          "hostel",
          "wing",
          "room_number",
          "category",
          "description",
          "severity",
          "status",
          "version",
          "created_at",
          "updated_at");

  /** The common columns, then {@code extra}, in the order rows give their values. */
  static List<String> columns(String... extra) {
    List<String> all = new java.util.ArrayList<>(COLUMNS);
    all.addAll(List.of(extra));
    return all;
  }

  /**
   * Runs {@code part} on fresh SQLite and PostgreSQL databases (or the one {@code
   * -Dbenchmark.vendor} names), then prints {@code report} and writes it to {@code target/<file>}.
   */
  static void onBoth(OnVendor part, StringBuilder report, String file) throws Exception {
    try (BothDatabases databases = new BothDatabases()) {
      String only = System.getProperty("benchmark.vendor", "");
      if (!only.equals("postgresql")) {
        part.run("sqlite", databases.dataSources().get(0), databases.clients().get(0));
      }
      if (!only.equals("sqlite")) {
        part.run("postgresql", databases.dataSources().get(1), databases.clients().get(1));
      }
    }
    Path out = Path.of("target", file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  static void fill(
      String vendor,
      DataSource dataSource,
      List<String> columns,
      int rows,
      IntFunction<String[]> row)
      throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      if (vendor.equals("postgresql")) {
        StringBuilder copy = new StringBuilder();
        var copier = c.unwrap(PGConnection.class).getCopyAPI();
        String statement = "COPY complaints (" + String.join(", ", columns) + ") FROM STDIN";
        for (int i = 0; i < rows; i++) {
          String[] values = row.apply(i);
          for (int k = 0; k < values.length; k++) {
            copy.append(k == 0 ? "" : "\t").append(values[k] == null ? "\\N" : values[k]);
          }
          copy.append('\n');
          if (copy.length() > 4_000_000) {
            copier.copyIn(statement, new StringReader(copy.toString()));
            copy.setLength(0);
          }
        }
        copier.copyIn(statement, new StringReader(copy.toString()));
      } else {
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO complaints ("
                    + String.join(", ", columns)
                    + ") VALUES ("
                    + marks
                    + ")")) {
          for (int i = 0; i < rows; i++) {
            String[] values = row.apply(i);
            for (int k = 0; k < values.length; k++) {
              insert.setString(k + 1, values[k]);
            }
            insert.addBatch();
            if (i % 10_000 == 9_999) {
              insert.executeBatch();
            }
          }
          insert.executeBatch();
        }
      }
      c.commit();
    }
  }
}
