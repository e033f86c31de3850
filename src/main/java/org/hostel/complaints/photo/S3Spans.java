package org.hostel.complaints.photo;

import io.micrometer.observation.Observation;
import org.hostel.complaints.observability.Spans;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A span per S3 call ({@code s3 PutObject}, {@code s3 GetObject}, …) made for traced work, with the
 * bucket's operation name; the SDK runs these hooks on the calling thread for its blocking client.
 */
final class S3Spans implements ExecutionInterceptor {

  private static final ExecutionAttribute<Observation> SPAN = new ExecutionAttribute<>("span");

  private final Spans spans;

  S3Spans(Spans spans) {
    this.spans = spans;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Observation span = spans.child("s3.call", "s3 " + operation);
    span.lowCardinalityKeyValue("rpc.method", String.valueOf(operation));
    attributes.putAttribute(SPAN, span);
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Observation span = attributes.getAttribute(SPAN);
    if (span != null) {
      span.lowCardinalityKeyValue(
          "http.response.status_code", Integer.toString(context.httpResponse().statusCode()));
      span.stop();
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Observation span = attributes.getAttribute(SPAN);
    if (span != null) {
      span.error(context.exception());
      span.stop();
    }
  }
}
