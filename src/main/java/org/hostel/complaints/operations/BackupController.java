package org.hostel.complaints.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BackupController {

  private final Backups backups;

  BackupController(Backups backups) {
    this.backups = backups;
  }

  record BackupResponse(
      String name,
      String folder,
      Instant createdAt,
      int schemaVersion,
      long complaints,
      long staff,
      String photos,
      long photoFiles) {

    static BackupResponse of(SqliteBackup.Outcome outcome) {
      Properties m = outcome.manifest();
      return new BackupResponse(
          outcome.folder().getFileName().toString(),
          outcome.folder().toString(),
          Instant.parse(m.getProperty("created_at")),
          Integer.parseInt(m.getProperty("schema_version")),
          Long.parseLong(m.getProperty("complaints")),
          Long.parseLong(m.getProperty("staff")),
          m.getProperty("photos"),
          Long.parseLong(m.getProperty("photo_files", "0")));
    }
  }

  @Operation(
      summary = "Back up now",
      description =
          "Admins: an online backup of the embedded database, local photos and generated secrets into"
              + " the backup folder (COMPLAINTS_BACKUP_DIR), keeping the newest COMPLAINTS_BACKUP_KEEP;"
              + " 201 with what it holds. 409 on PostgreSQL, which is backed up with pg_dump"
              + " (docs/BACKUP.md).")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping("/api/v1/admin/backups")
  @ResponseStatus(HttpStatus.CREATED)
  BackupResponse backup(Caller caller) throws IOException, SQLException {
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins may make backups");
    }
    if (!backups.available()) {
      throw new NotEmbedded();
    }
    return BackupResponse.of(backups.now());
  }

  /** 409: this instance runs on PostgreSQL, whose backups the database server makes. */
  static final class NotEmbedded extends ApiException {
    NotEmbedded() {
      super(
          HttpStatus.CONFLICT,
          "conflict",
          "Conflict",
          "This instance runs on PostgreSQL: back it up with pg_dump or a base backup"
              + " (docs/BACKUP.md)");
    }
  }
}
