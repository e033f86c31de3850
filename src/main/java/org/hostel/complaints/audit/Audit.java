package org.hostel.complaints.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log. A row written inside a transaction commits or rolls back with the
 * change it records; outside one it is written at once. The client address and request id are taken
 * from the current request unless given. Rows are never updated; only the retention purge ({@link
 * AuditRetention}) deletes them, and it records that it did.
 */
@Service
@EnableConfigurationProperties(AuditSettings.class)
public class Audit {

  /** Longest text kept in one field; longer input (a pasted novel as a login name) is cut. */
  static final int MAX_FIELD = 320;

  private final AuditRepository rows;
  private final Clock clock;

  private final AuditSettings settings;

  Audit(AuditRepository rows, AuditSettings settings, Clock clock) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
  }

  /** Most rows one export answers ({@code COMPLAINTS_AUDIT_EXPORT_LIMIT}). */
  public int exportLimit() {
    return settings.exportLimit();
  }

  /** Where a request came from, captured to record it later or on another thread. */
  public record Origin(@Nullable String address, @Nullable String requestId) {

    /** The current request's client address and request id; empty outside a request. */
    public static Origin current() {
      String address = null;
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
        HttpServletRequest request = attrs.getRequest();
        address = request.getRemoteAddr();
      }
      return new Origin(address, MDC.get("request_id"));
    }
  }

  /**
   * Records an event of the current request.
   *
   * @param action what happened, lower case with dots ({@code staff.deactivated})
   * @param actorId who did it, when a staff member
   * @param actor how the actor is named (e-mail, login name as typed)
   * @param target what it was done to
   * @param detail more in words; never a secret
   */
  public void record(
      String action,
      @Nullable UUID actorId,
      @Nullable String actor,
      @Nullable String target,
      @Nullable String detail) {
    record(action, actorId, actor, target, detail, Origin.current());
  }

  /** Records an event with an origin captured earlier (another thread, a known address). */
  public void record(
      String action,
      @Nullable UUID actorId,
      @Nullable String actor,
      @Nullable String target,
      @Nullable String detail,
      Origin origin) {
    rows.append(
        new AuditEntry(
            0,
            clock.instant(),
            actorId,
            cut(actor),
            action,
            cut(target),
            detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail,
            cut(origin.address()),
            cut(origin.requestId())));
  }

  /** One page of rows, newest first. */
  public record Page(List<AuditEntry> items, long total) {}

  public Page search(AuditFilter filter, int page, int pageSize) {
    return new Page(rows.find(filter, (long) (page - 1) * pageSize, pageSize), rows.count(filter));
  }

  /** Every matching row, newest first, at most {@code limit}, handed over one by one. */
  public void each(AuditFilter filter, int limit, Consumer<AuditEntry> sink) {
    rows.each(filter, limit, sink);
  }

  /** Deletes rows older than the retention and records how many went. */
  int purgeOlderThan(Duration retention) {
    int removed = rows.deleteBefore(clock.instant().minus(retention).toEpochMilli());
    record(
        "audit.purged",
        null,
        "system",
        null,
        "removed " + removed + " rows older than " + retention.toDays() + " days",
        new Origin(null, null));
    return removed;
  }

  private static @Nullable String cut(@Nullable String value) {
    return value == null || value.length() <= MAX_FIELD ? value : value.substring(0, MAX_FIELD);
  }
}
