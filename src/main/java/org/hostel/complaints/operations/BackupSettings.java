package org.hostel.complaints.operations;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups of the embedded shape (docs/BACKUP.md).
 *
 * @param dir where scheduled and on-demand backups go ({@code COMPLAINTS_BACKUP_DIR}); {@code
 *     <data-dir>/backups} when unset. Put it on another disk.
 * @param schedule a cron expression ({@code COMPLAINTS_BACKUP_SCHEDULE}), {@code -} for none
 * @param keep how many backups in {@code dir} are kept ({@code COMPLAINTS_BACKUP_KEEP}); older ones
 *     are deleted after each new one
 */
@ConfigurationProperties("complaints.backup")
record BackupSettings(
    @Nullable Path dir,
    @DefaultValue("0 30 3 * * *") String schedule,
    @DefaultValue("7") int keep) {

  BackupSettings {
    if (keep < 1) {
      throw new IllegalArgumentException("complaints.backup.keep must be at least 1");
    }
  }
}
