package org.hostel.complaints.operations;

import java.io.PrintStream;
import java.util.Map;

/** {@code import-legacy}: imports the old system's database (docs/MIGRATING.md). */
final class LegacyImportMode {

  private LegacyImportMode() {}

  static int run(Map<String, String> options, String[] settings, PrintStream out) {
    throw new CommandLine.Usage("not available in this build yet");
  }
}
