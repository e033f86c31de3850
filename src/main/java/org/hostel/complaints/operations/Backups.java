package org.hostel.complaints.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.hostel.complaints.storage.Deployment;
import org.hostel.complaints.storage.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Backups the running service makes of itself: on a schedule and on an admin's demand, each into a
 * folder {@code backup-<UTC time>} of {@link BackupSettings#dir()}, keeping the newest {@link
 * BackupSettings#keep()}. One runs at a time.
 */
@Service
class Backups {

  private static final Logger log = LoggerFactory.getLogger(Backups.class);
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'backup-'yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final BackupSettings settings;
  private final StorageSettings storage;
  private final Deployment deployment;
  private final boolean localPhotos;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();

  Backups(
      BackupSettings settings,
      StorageSettings storage,
      Deployment deployment,
      Environment environment,
      Clock clock) {
    this.settings = settings;
    this.storage = storage;
    this.deployment = deployment;
    this.localPhotos =
        "local".equals(environment.getProperty("complaints.photos.storage", "local"));
    this.clock = clock;
  }

  boolean available() {
    return deployment.embedded();
  }

  Path folder() {
    return settings.dir() != null ? settings.dir() : storage.dataDir().resolve("backups");
  }

  /** Makes one backup now, then deletes the oldest beyond the kept number. */
  SqliteBackup.Outcome now() throws IOException, SQLException {
    running.lock();
    try {
      Instant at = clock.instant();
      SqliteBackup.Outcome outcome =
          SqliteBackup.run(storage.dataDir(), folder().resolve(NAME.format(at)), localPhotos, at);
      prune();
      return outcome;
    } finally {
      running.unlock();
    }
  }

  @Scheduled(cron = "${complaints.backup.schedule:0 30 3 * * *}", zone = "UTC")
  void scheduled() {
    if (!available()) {
      return;
    }
    try {
      SqliteBackup.Outcome outcome = now();
      log.info(
          "Backup {} made: {} complaints",
          outcome.folder(),
          outcome.manifest().getProperty("complaints"));
    } catch (IOException | SQLException | RuntimeException e) {
      log.error("Scheduled backup into {} failed: {}", folder(), e.getMessage(), e);
    }
  }

  private void prune() throws IOException {
    List<Path> backups;
    try (Stream<Path> inside = Files.list(folder())) {
      backups =
          inside
              .filter(p -> p.getFileName().toString().startsWith("backup-"))
              .filter(Files::isDirectory)
              .sorted(Comparator.comparing(p -> p.getFileName().toString()))
              .toList();
    }
    for (Path old : backups.subList(0, Math.max(0, backups.size() - settings.keep()))) {
      SqliteBackup.deleteTree(old);
      log.info("Backup {} deleted (keeping {})", old, settings.keep());
    }
  }
}
