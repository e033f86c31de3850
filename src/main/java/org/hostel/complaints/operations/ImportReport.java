package org.hostel.complaints.operations;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, per kind of row: how many were imported, how many skipped and why, and how
 * many were imported with a change worth knowing (a category mapped, a room kept as it was).
 */
final class ImportReport {

  static final List<String> KINDS =
      List.of("hostels", "staff", "complaints", "assignment audits", "photos");

  /** The counts of one kind. */
  static final class Counts {
    int imported;
    final Map<String, Integer> skipped = new TreeMap<>();
    final Map<String, Integer> notes = new TreeMap<>();

    int skippedTotal() {
      return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final Map<String, Counts> kinds = new LinkedHashMap<>();
  private final boolean dryRun;

  ImportReport(boolean dryRun) {
    this.dryRun = dryRun;
    KINDS.forEach(kind -> kinds.put(kind, new Counts()));
  }

  boolean dryRun() {
    return dryRun;
  }

  Counts of(String kind) {
    return kinds.get(kind);
  }

  void imported(String kind) {
    kinds.get(kind).imported++;
  }

  void skipped(String kind, String why) {
    kinds.get(kind).skipped.merge(why, 1, Integer::sum);
  }

  void note(String kind, String what) {
    kinds.get(kind).notes.merge(what, 1, Integer::sum);
  }

  void print(PrintStream out) {
    out.println(dryRun ? "Dry run: nothing was written." : "Import finished.");
    kinds.forEach(
        (kind, counts) -> {
          out.printf(
              "%-18s %5d %s, %d skipped%n",
              kind, counts.imported, dryRun ? "to import" : "imported", counts.skippedTotal());
          counts.skipped.forEach((why, n) -> out.printf("    skipped %4d: %s%n", n, why));
          counts.notes.forEach((what, n) -> out.printf("    note    %4d: %s%n", n, what));
        });
  }
}
