package org.hostel.complaints.realtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hostel.complaints.testing.Eventually;

/**
 * A dashboard tab as the real one behaves: when its socket closes it opens a new one at the same
 * address (nginx), retrying every half second. It remembers how each socket ended and every attempt
 * to reconnect that failed.
 */
final class ReconnectingDashboard implements AutoCloseable {

  private final String base;
  private final String token;
  private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
  private final List<String> failedReconnects = new CopyOnWriteArrayList<>();
  private final Thread watcher;
  private volatile DashboardClient current;
  private volatile boolean open = true;

  private ReconnectingDashboard(String base, String token) {
    this.base = base;
    this.token = token;
    this.current = DashboardClient.open(base, token);
    DashboardSocketTests.awaitReady(current);
    this.watcher = Thread.ofPlatform().daemon().name("dashboard-reconnect").start(this::watch);
  }

  static ReconnectingDashboard open(String base, String token) {
    return new ReconnectingDashboard(base, token);
  }

  /** Close codes of the sockets that ended, in order (1001 when their instance stopped). */
  List<Integer> closeCodes() {
    return List.copyOf(closeCodes);
  }

  List<String> failedReconnects() {
    return List.copyOf(failedReconnects);
  }

  /** Waits until the present socket is open, then for the event about {@code complaintId}. */
  void awaitEventAbout(String complaintId) {
    Eventually.await("the dashboard is connected", Duration.ofSeconds(30), () -> current.isOpen());
    String message = current.next();
    while (!message.contains(complaintId)) {
      message = current.next();
    }
  }

  /** The present socket, for a test that sends on it. */
  DashboardClient socket() {
    return current;
  }

  private void watch() {
    while (open) {
      if (!current.isOpen()) {
        closeCodes.add(current.closeCode());
        current = reconnect();
      }
      Eventually.sleep(Duration.ofMillis(100));
    }
  }

  private DashboardClient reconnect() {
    while (true) {
      try {
        return DashboardClient.open(base, token);
      } catch (RuntimeException e) {
        failedReconnects.add(java.time.Instant.now() + " " + e);
        if (!open) {
          throw e;
        }
        Eventually.sleep(Duration.ofMillis(500));
      }
    }
  }

  @Override
  public void close() {
    open = false;
    watcher.interrupt();
    current.close();
  }
}
