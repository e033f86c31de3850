package org.hostel.complaints.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.lang.reflect.Method;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListenerFactory;

/**
 * Runs every {@code @TransactionalEventListener} (WebSocket push, Redis fan-out, photo clean-up) in
 * a span of its own that is linked to the span current at the commit, usually the request's: the
 * listener reacts to the request's outcome but is not part of its answer, so it starts a trace of
 * its own, and what it does (its Redis and SQL calls) are its children. Listeners that run for
 * untraced work make no span.
 *
 * <p>It takes the place of Spring's factory for these listeners by coming before it in order.
 */
final class AfterCommitSpans extends TransactionalEventListenerFactory {

  static final String NAME = "event.after-commit";

  private final ObjectProvider<ObservationRegistry> observations;
  private final ObjectProvider<Tracer> tracers;

  AfterCommitSpans(
      ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracers) {
    this.observations = observations;
    this.tracers = tracers;
    setOrder(
        49); // Spring's own factory has 50; the first that supports a method makes its listener.
  }

  @Override
  public ApplicationListener<?> createApplicationListener(
      String beanName, Class<?> type, Method method) {
    return new TransactionalApplicationListenerMethodAdapter(beanName, type, method) {
      @Override
      public void processEvent(ApplicationEvent event) {
        Tracer tracer = tracers.getIfAvailable();
        Span cause = tracer == null ? null : tracer.currentSpan();
        if (cause == null) {
          super.processEvent(event);
          return;
        }
        Object payload = event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : event;
        Observation.createNotStarted(
                NAME,
                () -> new LinkedContext(cause.context()),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP))
            .contextualName("after-commit " + payload.getClass().getSimpleName())
            .lowCardinalityKeyValue("event", payload.getClass().getSimpleName())
            .observe(() -> super.processEvent(event));
      }
    };
  }
}
