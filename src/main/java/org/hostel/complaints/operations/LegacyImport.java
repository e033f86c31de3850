package org.hostel.complaints.operations;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.accounts.ImportedAccounts;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.storage.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the old system's hostels, porters and admins, complaints with their history and
 * assignment audits, then photos (see {@link LegacyPhotos}). Every imported row keeps the old id in
 * {@code external_ref}, and a row whose old id is already there is skipped, so a second run imports
 * nothing twice. Each complaint goes in with its history in one transaction.
 */
@Component
class LegacyImport {

  /** What an imported account has instead of a password: nothing matches it. */
  static final String NO_PASSWORD = "!imported: an admin sets a new password";

  static final String INVITED = "invited by mail to set a password";

  static final String NOT_INVITED =
      "not invited (mail off, no e-mail or inactive): an admin sets the password,"
          + " POST /api/v1/staff/{id}/reset-password";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Reporting catalog;
  private final LegacyPhotos photos;
  private final ImportedAccounts invitations;

  LegacyImport(
      JdbcClient jdbc,
      TransactionTemplate tx,
      Reporting catalog,
      LegacyPhotos photos,
      ImportedAccounts invitations) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.catalog = catalog;
    this.photos = photos;
    this.invitations = invitations;
  }

  ImportReport run(LegacySource source, LegacyPhotos.Origin origin, boolean dryRun)
      throws SQLException {
    ImportReport report = new ImportReport(dryRun);
    Map<String, String> hostels = hostels(source.hostels(), report);
    Map<String, UUID> staff = staff(source.porters(), report);
    Map<String, List<LegacySource.Audit>> audits = new HashMap<>();
    for (LegacySource.Audit audit : source.audits()) {
      audits.computeIfAbsent(audit.complaintId(), k -> new ArrayList<>()).add(audit);
    }
    Map<String, UUID> complaints = new HashMap<>();
    for (LegacySource.Complaint old : source.complaints()) {
      complaint(old, hostels, staff, audits.getOrDefault(old.id(), List.of()), report)
          .ifPresent(id -> complaints.put(old.id(), id));
    }
    audits.keySet().stream()
        .filter(c -> !complaints.containsKey(c))
        .forEach(
            c ->
                audits
                    .get(c)
                    .forEach(
                        a -> report.skipped("assignment audits", "its complaint was skipped")));
    photos.run(source.photos(), complaints, origin, report);
    return report;
  }

  /** Old hostel names (slug and display name, lower case) to the slug complaints are stored by. */
  private Map<String, String> hostels(List<LegacySource.Hostel> old, ImportReport report) {
    Map<String, String> slugs = new HashMap<>();
    for (Reporting.Hostel known : catalog.hostels()) {
      slugs.put(known.slug(), known.slug());
      slugs.putIfAbsent(known.name().toLowerCase(Locale.ROOT), known.slug());
    }
    for (LegacySource.Hostel hostel : old) {
      String slug = hostel.slug().strip().toLowerCase(Locale.ROOT);
      String known =
          Optional.ofNullable(slugs.get(slug))
              .orElse(slugs.get(hostel.displayName().strip().toLowerCase(Locale.ROOT)));
      boolean seen = exists("hostels", hostel.id());
      if (known == null) {
        report.note(
            "hostels", "not in COMPLAINTS_CATALOG_HOSTELS: add it there for new complaints");
        known = slug;
      }
      slugs.putIfAbsent(slug, known);
      slugs.putIfAbsent(hostel.displayName().strip().toLowerCase(Locale.ROOT), known);
      if (seen) {
        report.skipped("hostels", "already imported");
        continue;
      }
      report.imported("hostels");
      if (!report.dryRun()) {
        String target = known;
        tx.executeWithoutResult(
            s -> {
              int linked =
                  jdbc.sql(
                          "UPDATE hostels SET external_ref = :ref WHERE slug = :slug"
                              + " AND external_ref IS NULL")
                      .param("ref", hostel.id())
                      .param("slug", target)
                      .update();
              if (linked == 0) {
                jdbc.sql(
                        "INSERT INTO hostels (id, slug, display_name, external_ref)"
                            + " VALUES (:id, :slug, :name, :ref)")
                    .param("id", Ids.newId().toString())
                    .param("slug", target)
                    .param("name", hostel.displayName().strip())
                    .param("ref", hostel.id())
                    .update();
              }
            });
      }
    }
    return slugs;
  }

  private Map<String, UUID> staff(List<LegacySource.Porter> porters, ImportReport report) {
    Map<String, UUID> ids = new HashMap<>();
    for (LegacySource.Porter porter : porters) {
      Optional<UUID> imported = idOf("staff", porter.id());
      if (imported.isPresent()) {
        ids.put(porter.id(), imported.get());
        report.skipped("staff", "already imported");
        continue;
      }
      String email =
          porter.email() == null || porter.email().isBlank()
              ? null
              : porter.email().strip().toLowerCase(Locale.ROOT);
      String phone =
          porter.phone() == null ? null : porter.phone().replaceAll("[\\s.()-]", "").strip();
      if (email == null && (phone == null || phone.isEmpty())) {
        report.skipped("staff", "no e-mail or phone to log in with");
        continue;
      }
      Optional<UUID> existing =
          jdbc.sql("SELECT id FROM staff WHERE email = :email OR phone = :phone")
              .param("email", email)
              .param("phone", phone)
              .query((rs, n) -> UUID.fromString(rs.getString(1)))
              .optional();
      if (existing.isPresent()) {
        ids.put(porter.id(), existing.get());
        report.skipped("staff", "an account with that e-mail or phone exists (linked to it)");
        continue;
      }
      String role = "admin".equalsIgnoreCase(porter.role()) ? "admin" : "porter";
      if (porter.role() != null && !porter.role().equalsIgnoreCase(role)) {
        report.note("staff", "unknown role imported as porter");
      }
      UUID id = Ids.newId();
      ids.put(porter.id(), id);
      report.imported("staff");
      boolean invite = email != null && porter.active() && invitations.canInvite();
      report.note("staff", invite ? INVITED : NOT_INVITED);
      if (!report.dryRun()) {
        String name = porter.fullName().strip();
        tx.executeWithoutResult(
            s -> {
              insertStaff(porter, id, name, email, phone, role);
              if (invite && email != null) {
                invitations.invite(id, email, name, role);
              }
            });
      }
    }
    return ids;
  }

  private void insertStaff(
      LegacySource.Porter porter,
      UUID id,
      String name,
      @Nullable String email,
      @Nullable String phone,
      String role) {
    jdbc.sql(
            "INSERT INTO staff (id, full_name, email, phone, role, active, password_hash,"
                + " tokens_valid_after, created_at, external_ref) VALUES (:id, :name, :email,"
                + " :phone, :role, :active, :hash, 0, :at, :ref)")
        .param("id", id.toString())
        .param("name", name)
        .param("email", email)
        .param("phone", phone == null || phone.isEmpty() ? null : phone)
        .param("role", role)
        .param("active", porter.active())
        .param("hash", NO_PASSWORD)
        .param("at", millis(porter.createdAt()))
        .param("ref", porter.id())
        .update();
  }

  private Optional<UUID> complaint(
      LegacySource.Complaint old,
      Map<String, String> hostels,
      Map<String, UUID> staff,
      List<LegacySource.Audit> audits,
      ImportReport report) {
    Optional<UUID> imported = idOf("complaints", old.id());
    if (imported.isPresent()) {
      report.skipped("complaints", "already imported");
      audits.forEach(a -> report.skipped("assignment audits", "already imported"));
      return imported;
    }
    LegacyComplaint mapped = LegacyComplaint.map(old, hostels, staff, catalog, report);
    if (mapped == null) {
      return Optional.empty();
    }
    // The old id is kept where it can be, so the old bot's complaint ids still answer.
    UUID id = isUuid(old.id()) && !idTaken(old.id()) ? UUID.fromString(old.id()) : Ids.newId();
    report.imported("complaints");
    audits.forEach(a -> report.imported("assignment audits"));
    if (!report.dryRun()) {
      tx.executeWithoutResult(s -> mapped.insert(jdbc, id, audits, staff));
    }
    return Optional.of(id);
  }

  private boolean exists(String table, String ref) {
    return idOf(table, ref).isPresent();
  }

  private boolean idTaken(String id) {
    return jdbc.sql("SELECT count(*) FROM complaints WHERE id = :id")
            .param("id", id.toLowerCase(Locale.ROOT))
            .query(Long.class)
            .single()
        > 0;
  }

  private Optional<UUID> idOf(String table, String ref) {
    return jdbc.sql("SELECT id FROM " + table + " WHERE external_ref = :ref")
        .param("ref", ref)
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .optional();
  }

  static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static long millis(@Nullable Instant at) {
    return at == null ? 0 : at.toEpochMilli();
  }
}
