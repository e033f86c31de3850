package org.hostel.complaints.realtime;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostel.complaints.staff.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The dashboard sockets open on this instance, indexed by who may receive what. Delivery runs on
 * one thread so events keep their order; each socket writes asynchronously, in order, holding no
 * thread while a write is in flight. A sweep pings every socket and closes those that stopped
 * answering (half-open connections) or whose token expired. On shutdown every socket is closed with
 * 1001 so clients reconnect elsewhere.
 */
@Component
class DashboardSessions implements SmartLifecycle {

  static final String CONNECTION = "dashboard.connection";
  private static final Logger log = LoggerFactory.getLogger(DashboardSessions.class);

  /** Why a socket was not taken. */
  enum Admission {
    ACCEPTED,
    FULL,
    ACCOUNT_FULL,
    STOPPING
  }

  private final RealtimeSettings settings;
  private final Clock clock;
  private final WebSocketGauge gauge;
  private final Set<Connection> admins = ConcurrentHashMap.newKeySet();
  private final Set<Connection> porters = ConcurrentHashMap.newKeySet();
  private final Map<UUID, Set<Connection>> byPorter = new ConcurrentHashMap<>();
  private final AtomicInteger reserved = new AtomicInteger();
  private final Map<UUID, Integer> perAccount = new ConcurrentHashMap<>();
  private final ExecutorService delivery;
  private final ScheduledExecutorService sweeper;
  private volatile boolean running;

  DashboardSessions(RealtimeSettings settings, Clock clock, WebSocketGauge gauge) {
    this.settings = settings;
    this.clock = clock;
    this.gauge = gauge;
    this.delivery = Executors.newSingleThreadExecutor(daemon("dashboard-delivery"));
    this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("dashboard-sweep"));
    gauge.capacity(settings.maxConnections());
  }

  Admission open(WebSocketSession session, Caller caller) {
    if (!running) {
      return Admission.STOPPING;
    }
    if (reserved.incrementAndGet() > settings.maxConnections()) {
      reserved.decrementAndGet();
      return Admission.FULL;
    }
    if (!takeAccountSlot(caller)) {
      reserved.decrementAndGet();
      return Admission.ACCOUNT_FULL;
    }
    Connection connection = new Connection(session, caller, settings.sendBufferLimit().toBytes());
    session.getAttributes().put(CONNECTION, connection);
    gauge.opened(role(caller));
    if (caller.isAdmin()) {
      admins.add(connection);
    } else {
      porters.add(connection);
      byPorter
          .computeIfAbsent(caller.staffId(), id -> ConcurrentHashMap.newKeySet())
          .add(connection);
    }
    return Admission.ACCEPTED;
  }

  void closed(WebSocketSession session) {
    if (!(session.getAttributes().remove(CONNECTION) instanceof Connection connection)) {
      return;
    }
    reserved.decrementAndGet();
    UUID account = connection.caller().staffId();
    if (account != null) {
      perAccount.computeIfPresent(account, (id, n) -> n > 1 ? n - 1 : null);
    }
    gauge.closed(role(connection.caller()));
    if (admins.remove(connection)) {
      return;
    }
    porters.remove(connection);
    UUID porter = connection.caller().staffId();
    if (porter != null) {
      byPorter.computeIfPresent(
          porter, (id, set) -> set.remove(connection) && set.isEmpty() ? null : set);
    }
  }

  /** One more socket for the caller's account, unless it holds its maximum already. */
  private boolean takeAccountSlot(Caller caller) {
    UUID account = caller.staffId();
    if (account == null) {
      return true;
    }
    boolean[] taken = {false};
    perAccount.compute(
        account,
        (id, n) -> {
          int held = n == null ? 0 : n;
          if (held >= settings.maxConnectionsPerAccount()) {
            return n;
          }
          taken[0] = true;
          return held + 1;
        });
    return taken[0];
  }

  private static String role(Caller caller) {
    return caller.isAdmin() ? "admin" : "porter";
  }

  static Connection connection(WebSocketSession session) {
    return (Connection) session.getAttributes().get(CONNECTION);
  }

  /** Sends the broadcast to every socket here that may receive it, in the order broadcasts come. */
  void deliver(Broadcast broadcast) {
    TextMessage message = new TextMessage(broadcast.message());
    try {
      delivery.execute(() -> sendNow(broadcast, message));
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // Shutting down: the sockets are being closed and clients will reload on reconnect.
    }
  }

  private void sendNow(Broadcast broadcast, TextMessage message) {
    admins.forEach(c -> c.send(message));
    if (broadcast.allPorters()) {
      porters.forEach(c -> c.send(message));
      return;
    }
    Set<Connection> targets = new HashSet<>();
    for (UUID porter : broadcast.porters()) {
      targets.addAll(byPorter.getOrDefault(porter, Set.of()));
    }
    targets.forEach(c -> c.send(message));
  }

  /** Closes the sockets opened with a token that has just been logged out. */
  void closeToken(String tokenId) {
    CloseStatus loggedOut = new CloseStatus(DashboardSocket.BAD_TOKEN, "logged out");
    for (Set<Connection> group : java.util.List.of(admins, porters)) {
      for (Connection c : group) {
        if (tokenId.equals(c.caller().tokenId())) {
          c.close(loggedOut);
        }
      }
    }
  }

  int total() {
    return admins.size() + porters.size();
  }

  Map<String, Integer> byRole() {
    return Map.of("admin", admins.size(), "porter", porters.size());
  }

  boolean full() {
    return reserved.get() >= settings.maxConnections();
  }

  boolean accepting() {
    return running;
  }

  /**
   * Closes sockets that stayed silent past the idle timeout (a browser answers pings on its own, so
   * silence means the peer is gone) or whose token has expired, and pings the rest.
   */
  void sweep() {
    long now = System.nanoTime();
    long idle = settings.idleTimeout().toNanos();
    long stuck = settings.sendTimeLimit().toNanos();
    Instant wallClock = clock.instant();
    PingMessage ping = new PingMessage(ByteBuffer.allocate(0));
    for (Set<Connection> group : java.util.List.of(admins, porters)) {
      for (Connection c : group) {
        Instant expires = c.caller().tokenExpiresAt();
        if (expires != null && !wallClock.isBefore(expires)) {
          c.close(new CloseStatus(DashboardSocket.BAD_TOKEN, "token expired"));
        } else if (c.silentNanos(now) > idle) {
          c.close(CloseStatus.GOING_AWAY.withReason("idle timeout"));
        } else if (c.stuckNanos(now) > stuck) {
          c.close(CloseStatus.SESSION_NOT_RELIABLE.withReason("too slow to keep up"));
        } else {
          c.send(ping);
        }
      }
    }
  }

  @Override
  public void start() {
    long every = settings.pingInterval().toMillis();
    sweeper.scheduleWithFixedDelay(
        () -> {
          try {
            sweep();
          } catch (RuntimeException e) {
            log.warn("Dashboard socket sweep failed", e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    running = true;
  }

  /** Closes every socket with 1001 before the web server stops, so clients reconnect elsewhere. */
  @Override
  public void stop() {
    running = false;
    sweeper.shutdownNow();
    delivery.shutdown();
    try {
      delivery.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    CloseStatus goingAway = CloseStatus.GOING_AWAY.withReason("server shutting down");
    admins.forEach(c -> c.close(goingAway));
    porters.forEach(c -> c.close(goingAway));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown, which would otherwise wait on the sockets. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
