package org.hostel.complaints.staff;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Which optional parts a start-up switched on, read from the same settings that switch them, so
 * whoever starts the service sees at once whether the bot token, Redis, S3, the replica and mail
 * took effect.
 */
final class StartupSummary {

  private StartupSummary() {}

  static List<String> lines(Environment env) {
    List<String> lines = new ArrayList<>();
    String database = env.getProperty("spring.datasource.url", "");
    lines.add(
        "Database:  "
            + (database.startsWith("jdbc:postgresql")
                ? "PostgreSQL"
                : "embedded SQLite in " + env.getProperty("complaints.data-dir", "./data")));
    lines.add(
        "Bot:       "
            + (set(env, "complaints.auth.service-token")
                ? "service token set: the reporter bot can submit"
                : "off (set COMPLAINTS_SERVICE_TOKEN)"));
    lines.add(
        "Redis:     "
            + (set(env, "spring.data.redis.url")
                ? "on: dashboard events shared between instances"
                : "off: dashboard events in this process only (set SPRING_DATA_REDIS_URL)"));
    lines.add(
        "Photos:    "
            + ("s3".equalsIgnoreCase(env.getProperty("complaints.photos.storage", "local"))
                ? "S3 bucket " + env.getProperty("complaints.photos.s3.bucket", "")
                : "local disk (set COMPLAINTS_PHOTOS_STORAGE=s3 for S3)"));
    lines.add(
        "Replica:   "
            + (set(env, "complaints.replica.url")
                ? "on: lists and searches read the replica"
                : "off (set COMPLAINTS_REPLICA_URL)"));
    lines.add(
        "Mail:      "
            + (set(env, "spring.mail.host")
                ? "on through " + env.getProperty("spring.mail.host")
                : "off (set SPRING_MAIL_HOST)"));
    if (env.getProperty("complaints.auth.public-api-docs", Boolean.class, false)) {
      lines.add("API docs:  public at /swagger-ui.html");
    }
    return lines;
  }

  private static boolean set(Environment env, String name) {
    return StringUtils.hasText(env.getProperty(name));
  }
}
