package org.hostel.complaints.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Spans for calls to other systems (S3, the Bot API, SMTP) and for the outbox's deliveries. A call
 * made for traced work is a child span of it; a call made for nobody (the bot's long poll, jobs)
 * makes none, so idle instances send no spans.
 */
@Component
public class Spans {

  private final ObservationRegistry registry;
  private final ObjectProvider<Tracer> tracer;

  Spans(ObjectProvider<ObservationRegistry> registry, ObjectProvider<Tracer> tracer) {
    this.registry = registry.getIfAvailable(() -> ObservationRegistry.NOOP);
    this.tracer = tracer;
  }

  /**
   * The current span as a W3C {@code traceparent} ({@code 00-<trace>-<span>-<flags>}), for work
   * that runs later to link to ({@link #root}); null when nothing is traced.
   */
  public @Nullable String current() {
    Tracer tracing = tracer.getIfAvailable();
    Span span = tracing == null ? null : tracing.currentSpan();
    if (span == null) {
      return null;
    }
    TraceContext context = span.context();
    boolean sampled = Boolean.TRUE.equals(context.sampled());
    return "00-" + context.traceId() + "-" + context.spanId() + (sampled ? "-01" : "-00");
  }

  /**
   * A started child span of the current work, or a no-op when nothing is traced; the caller stops
   * it.
   *
   * @param name the span's kind, e.g. {@code s3.call} (low cardinality)
   * @param contextualName what the span shows as, e.g. {@code s3 PutObject}
   */
  public Observation child(String name, String contextualName) {
    if (registry.getCurrentObservation() == null) {
      return Observation.NOOP;
    }
    return Observation.createNotStarted(name, registry).contextualName(contextualName).start();
  }

  /** Runs the call in a child span of the current work (see {@link #child}). */
  public <T> T child(String name, String contextualName, Supplier<T> call) {
    Observation observation = child(name, contextualName);
    try (Observation.Scope scope = observation.openScope()) {
      return call.get();
    } catch (RuntimeException e) {
      observation.error(e);
      throw e;
    } finally {
      observation.stop();
    }
  }

  /**
   * Runs background work in a span of its own, the root of a new trace, linked to the span that
   * caused it when {@code cause} (a {@link #current} value) is given: an outbox delivery, which
   * happens after the request that stored the message has ended.
   */
  public <T> T root(String name, String contextualName, @Nullable String cause, Supplier<T> work) {
    TraceContext link = parse(cause);
    Observation observation =
        link == null
            ? Observation.createNotStarted(name, registry)
            : Observation.createNotStarted(name, () -> new LinkedContext(link), registry);
    return observation.parentObservation(null).contextualName(contextualName).observe(work);
  }

  private @Nullable TraceContext parse(@Nullable String traceparent) {
    Tracer tracing = tracer.getIfAvailable();
    if (traceparent == null || tracing == null) {
      return null;
    }
    String[] parts = traceparent.split("-");
    if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16) {
      return null;
    }
    return tracing
        .traceContextBuilder()
        .traceId(parts[1])
        .spanId(parts[2])
        .sampled(parts[3].equals("01"))
        .build();
  }
}
