package org.hostel.complaints.sla;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation job, on one instance at a time (ShedLock): finds open complaints past 80 % of
 * their next target, records each alert in {@code sla_alerts} and publishes it as a {@link
 * SlaAlert} in the same transaction. The table's key makes every alert happen once, even if two
 * instances ran at once: a warning once per target, a breach once per target and UTC day.
 */
@Component
class SlaEscalation {

  static final int BATCH = 200;

  /**
   * Open, not on hold, and due for its next escalation: {@code warn_at} starts at the 80 % mark of
   * the next target, and each run moves it on (to the target after a warning, to the next UTC
   * midnight after a breach), so a run reads only the complaints it has work for. Served by the
   * partial index on {@code warn_at}.
   */
  private static final String DUE =
      """
      SELECT c.id FROM complaints c
      WHERE c.warn_at <= :now AND c.status IN ('reported', 'in_progress')
      ORDER BY c.warn_at
      LIMIT :limit
      """;

  private final JdbcClient jdbc;
  private final ComplaintService complaints;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final MeterRegistry meters;
  private final Clock clock;

  SlaEscalation(
      JdbcClient jdbc,
      ComplaintService complaints,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      MeterRegistry meters,
      Clock clock) {
    this.jdbc = jdbc;
    this.complaints = complaints;
    this.events = events;
    this.tx = tx;
    this.meters = meters;
    this.clock = clock;
    for (String kind : List.of("response", "resolution")) {
      meters.counter("sla.breaches", "kind", kind);
    }
  }

  @Scheduled(
      initialDelayString = "${complaints.sla.escalation-interval:PT1M}",
      fixedDelayString = "${complaints.sla.escalation-interval:PT1M}")
  @SchedulerLock(name = "sla-escalation", lockAtMostFor = "PT5M")
  void scheduled() {
    escalate(clock.instant());
  }

  /** Sends every alert due at {@code now}; answers how many were sent. */
  int escalate(Instant now) {
    int sent = 0;
    while (true) {
      List<UUID> due = due(now);
      for (UUID id : due) {
        if (Boolean.TRUE.equals(tx.execute(s -> alert(id, now)))) {
          sent++;
        }
      }
      if (due.size() < BATCH) {
        return sent;
      }
    }
  }

  private List<UUID> due(Instant now) {
    return jdbc.sql(DUE)
        .param("now", now.toEpochMilli())
        .param("limit", BATCH)
        .query((rs, n) -> UUID.fromString(rs.getString(1)))
        .list();
  }

  /**
   * Records and publishes one complaint's alert and moves its next escalation on; false when
   * another run recorded the alert first (then only the move happens, to the same time).
   */
  private boolean alert(UUID id, Instant now) {
    Complaint c = complaints.find(id).orElse(null);
    if (c == null || c.sla().nextDue() == null || c.sla().heldSince() != null) {
      return false;
    }
    Instant dueAt = c.sla().nextDue();
    String target = c.sla().respondedAt() == null ? "response" : "resolution";
    boolean breach = !dueAt.isAfter(now);
    String level = breach ? "breach" : "warning";
    boolean first =
        breach
            && jdbc.sql(
                        "SELECT count(*) FROM sla_alerts WHERE complaint_id = :id AND target = :target"
                            + " AND level = 'breach'")
                    .param("id", id.toString())
                    .param("target", target)
                    .query(Long.class)
                    .single()
                == 0;
    int recorded =
        jdbc.sql(
                """
                INSERT INTO sla_alerts (complaint_id, target, level, day, sent_at)
                VALUES (:id, :target, :level, :day, :now)
                ON CONFLICT DO NOTHING
                """)
            .param("id", id.toString())
            .param("target", target)
            .param("level", level)
            .param("day", breach ? today(now) : 0)
            .param("now", now.toEpochMilli())
            .update();
    Instant next =
        breach
            ? LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
            : dueAt;
    jdbc.sql("UPDATE complaints SET warn_at = :next WHERE id = :id AND warn_at <= :now")
        .param("next", next.toEpochMilli())
        .param("id", id.toString())
        .param("now", now.toEpochMilli())
        .update();
    if (recorded == 0) {
      return false;
    }
    if (first) {
      meters.counter("sla.breaches", "kind", target).increment();
    }
    events.publishEvent(new SlaAlert(c, target, level, dueAt));
    return true;
  }

  private static long today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
  }
}
