package org.hostel.complaints.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.TraceContext;

/**
 * An observation whose span starts a trace of its own with a link to the span that caused it (see
 * {@link LinkedSpans}): work that reacts to a request after it, without being part of its answer.
 */
final class LinkedContext extends Observation.Context {

  final TraceContext cause;

  LinkedContext(TraceContext cause) {
    this.cause = cause;
  }
}
