package org.hostel.complaints.operations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The jar's modes besides serving: {@code backup --to DIR}, {@code restore --from DIR [--force]}
 * and {@code import-legacy --from <sqlite file | jdbc:postgresql URL> [--photos DIR | --s3-bucket
 * B] [--dry-run]}. Each reads the same configuration as the service (application.yaml, environment
 * variables, {@code --name=value} arguments), prints what it did, and on failure exits non-zero
 * with one line saying why: 1 when the work failed, 2 when the command line is wrong.
 */
public final class CommandLine {

  static final Set<String> MODES = Set.of("backup", "restore", "import-legacy");
  private static final Set<String> FLAGS = Set.of("--dry-run", "--force");
  private static final Set<String> VALUES = Set.of("--to", "--from", "--photos", "--s3-bucket");

  private CommandLine() {}

  /** Whether {@code args} ask for a mode rather than the service. */
  public static boolean isMode(String[] args) {
    return args.length > 0 && MODES.contains(args[0]);
  }

  /** Runs the mode and answers the exit status; {@code import-legacy} needs the application. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(null, args, out, err);
  }

  /**
   * Runs the mode and answers the exit status.
   *
   * @param application the service's application class, which {@code import-legacy} starts
   */
  public static int run(
      @Nullable Class<?> application, String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> settings = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (FLAGS.contains(arg)) {
        options.put(arg, "true");
      } else if (VALUES.contains(arg) && i + 1 < args.length) {
        options.put(arg, args[++i]);
      } else if (arg.startsWith("--") && arg.contains("=")) {
        settings.add(arg);
      } else {
        err.println(args[0] + ": unexpected argument " + arg + " (see docs/BACKUP.md)");
        return 2;
      }
    }
    try {
      return switch (args[0]) {
        case "backup" -> backup(options, settings, out);
        case "restore" -> restore(options, settings, out);
        default -> LegacyImportMode.run(application, options, settings, out);
      };
    } catch (Usage e) {
      err.println(args[0] + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println(args[0] + " failed: " + oneLine(e));
      return 1;
    }
  }

  private static int backup(Map<String, String> options, List<String> settings, PrintStream out)
      throws Exception {
    Path to = Path.of(required(options, "--to"));
    Environment env = environment(settings);
    requireEmbedded(env, "back up");
    SqliteBackup.Outcome outcome =
        SqliteBackup.run(dataDir(env), to, localPhotos(env), Instant.now());
    out.println(
        "Backup written to "
            + outcome.folder()
            + ": "
            + outcome.manifest().getProperty("complaints")
            + " complaints, "
            + outcome.manifest().getProperty("photo_files", "no local")
            + " photo files, schema version "
            + outcome.manifest().getProperty("schema_version"));
    return 0;
  }

  private static int restore(Map<String, String> options, List<String> settings, PrintStream out)
      throws Exception {
    Path from = Path.of(required(options, "--from"));
    Environment env = environment(settings);
    requireEmbedded(env, "restore");
    SqliteRestore.Checked checked =
        SqliteRestore.run(from, dataDir(env), options.containsKey("--force"), Instant.now());
    out.println(
        "Restored "
            + from
            + " into "
            + dataDir(env)
            + ": "
            + checked.complaints()
            + " complaints, "
            + checked.photoFiles()
            + " photo files, schema version "
            + checked.schemaVersion()
            + "; start the service to use it");
    return 0;
  }

  static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new Usage(name + " is required");
    }
    return value;
  }

  /** The service's configuration, without starting any of it. */
  static Environment environment(List<String> settings) {
    SpringApplication reader = new SpringApplication(ConfigOnly.class);
    reader.setWebApplicationType(WebApplicationType.NONE);
    reader.setBannerMode(Banner.Mode.OFF);
    reader.setLogStartupInfo(false);
    reader.setDefaultProperties(Map.of("logging.level.root", "WARN"));
    try (ConfigurableApplicationContext context = reader.run(settings.toArray(String[]::new))) {
      return context.getEnvironment();
    }
  }

  private static void requireEmbedded(Environment env, String what) {
    String url = env.getProperty("spring.datasource.url", "jdbc:sqlite:");
    if (!url.startsWith("jdbc:sqlite:")) {
      throw new Usage(
          "this instance runs on PostgreSQL: "
              + what
              + " it with pg_dump/pg_restore or a base backup (docs/BACKUP.md)");
    }
  }

  static Path dataDir(Environment env) {
    return Path.of(env.getProperty("complaints.data-dir", "./data"));
  }

  private static boolean localPhotos(Environment env) {
    return "local".equals(env.getProperty("complaints.photos.storage", "local"));
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  /** No beans: the modes only read the configuration. */
  static final class ConfigOnly {}

  /** A wrong command line: exit status 2. */
  static final class Usage extends RuntimeException {
    Usage(String message) {
      super(message, null, false, false);
    }
  }
}
