package org.hostel.complaints.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Starts the span of a {@link LinkedContext} observation as the root of a new trace with a link to
 * its cause, where the default handler would make it a child of the current span. Boot asks the
 * tracing handlers in order and uses the first that supports a context, so this one is ordered
 * before the default.
 */
final class LinkedSpans implements TracingObservationHandler<LinkedContext> {

  private final Tracer tracer;

  LinkedSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof LinkedContext;
  }

  @Override
  public void onStart(LinkedContext context) {
    Span span =
        tracer
            .spanBuilder()
            .setNoParent()
            .name(context.getName())
            .addLink(new Link(context.cause))
            .start();
    getTracingContext(context).setSpan(span);
  }

  @Override
  public void onStop(LinkedContext context) {
    Span span = getRequiredSpan(context);
    span.name(getSpanName(context));
    tagSpan(context, span);
    endSpan(context, span);
  }

  @Override
  public Tracer getTracer() {
    return tracer;
  }
}
