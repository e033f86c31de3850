package org.hostel.complaints.operations;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import-legacy}: starts the service on its configured database (so its migrations, catalog
 * and photo processing are the ones that serve), imports the old system's database, prints the
 * report and stops. The bot, the scheduled backup and the public port are left off meanwhile.
 */
final class LegacyImportMode {

  private LegacyImportMode() {}

  static int run(
      @Nullable Class<?> application,
      Map<String, String> options,
      List<String> settings,
      PrintStream out)
      throws Exception {
    String from = CommandLine.required(options, "--from");
    Path folder = options.containsKey("--photos") ? Path.of(options.get("--photos")) : null;
    String bucket = options.get("--s3-bucket");
    if (folder != null && bucket != null) {
      throw new CommandLine.Usage("give --photos or --s3-bucket, not both");
    }
    if (folder != null && !Files.isDirectory(folder)) {
      throw new CommandLine.Usage("--photos " + folder + " is not a folder");
    }
    if (application == null) {
      throw new CommandLine.Usage("runs only from the service's jar");
    }
    boolean dryRun = options.containsKey("--dry-run");
    try (LegacySource source = LegacySource.open(from)) {
      source.hostels(); // fails early, before the service starts, when it is not the old schema
      List<String> args = new ArrayList<>(settings);
      args.add("--server.port=0");
      args.add("--server.address=127.0.0.1");
      // A bot token of "false" keeps the bot's beans out (they need the property, not "false").
      args.add("--complaints.telegram.bot-token=false");
      args.add("--complaints.backup.schedule=-");
      args.add("--spring.main.banner-mode=off");
      args.add("--logging.level.root=WARN");
      try (ConfigurableApplicationContext service =
          new SpringApplicationBuilder(application).run(args.toArray(String[]::new))) {
        ImportReport report =
            service
                .getBean(LegacyImport.class)
                .run(source, new LegacyPhotos.Origin(folder, bucket), dryRun);
        report.print(out);
      }
    }
    return 0;
  }
}
