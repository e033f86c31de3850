package org.hostel.complaints.realtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hostel.complaints.observability.OpenConnections;
import org.springframework.stereotype.Component;

/**
 * The open dashboard sockets of this instance per role, exposed as {@code
 * websocket_connections_active{role}}, plus the per-instance cap as {@code
 * websocket_connections_capacity} once the sessions declare it. Their total is the {@code
 * websocket_connections} figure of {@code /health}, which reads it as {@link OpenConnections}.
 */
@Component
class WebSocketGauge implements OpenConnections {

  /** Roles shown as zero before the first socket opens, so dashboards and alerts see the series. */
  private static final String[] KNOWN_ROLES = {"admin", "porter"};

  private final MeterRegistry meters;
  private final ConcurrentMap<String, AtomicLong> open = new ConcurrentHashMap<>();
  private final AtomicLong capacity = new AtomicLong();

  WebSocketGauge(MeterRegistry meters) {
    this.meters = meters;
    for (String role : KNOWN_ROLES) {
      counter(role);
    }
  }

  void opened(String role) {
    counter(role).incrementAndGet();
  }

  void closed(String role) {
    counter(role).updateAndGet(n -> Math.max(0, n - 1));
  }

  /** Declares the per-instance socket cap, for the "near the cap" alert. */
  void capacity(long cap) {
    if (capacity.getAndSet(cap) == 0) {
      Gauge.builder("websocket.connections.capacity", capacity, AtomicLong::get)
          .description("Dashboard sockets this instance accepts before refusing with 1013")
          .register(meters);
    }
  }

  @Override
  public long count() {
    return open.values().stream().mapToLong(AtomicLong::get).sum();
  }

  private AtomicLong counter(String role) {
    String key = role.toLowerCase(Locale.ROOT);
    return open.computeIfAbsent(
        key,
        r -> {
          AtomicLong count = new AtomicLong();
          Gauge.builder("websocket.connections.active", count, AtomicLong::get)
              .description("Open dashboard WebSocket connections on this instance")
              .tag("role", r)
              .register(meters);
          return count;
        });
  }
}
