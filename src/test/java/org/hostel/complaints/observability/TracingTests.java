package org.hostel.complaints.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One submit's trace, exported over OTLP/HTTP to a receiver in this process: the server span
 * continues the caller's {@code traceparent}, its statements are child spans, and the request's log
 * lines carry the trace id.
 */
@DirtiesContext
@EmbeddedContext
@ExtendWith(OutputCaptureExtension.class)
class TracingTests {

  static final List<Span> SPANS = new CopyOnWriteArrayList<>();
  static final HttpServer RECEIVER = receiver();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add(
        OtlpEndpoint.PROPERTY,
        () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/v1/traces");
    registry.add("complaints.observability.slow-query-threshold", () -> "0ms");
  }

  @AfterAll
  static void stop() {
    RECEIVER.stop(0);
  }

  @Test
  void aSubmitsTraceHasItsServerAndStatementSpansAndItsLogLinesCarryTheTraceId(
      Api api, CapturedOutput output) {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    Api.Response submitted =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .json(Fixtures.complaint(Fixtures.reporter()))
            .send();
    assertThat(submitted.status()).isEqualTo(201);

    List<Span> trace =
        Eventually.poll(
            "the submit's spans reach the receiver",
            Duration.ofSeconds(30),
            () -> spansOf(traceId),
            spans ->
                spans.stream().anyMatch(s -> s.getName().startsWith("http post"))
                    && spans.stream().anyMatch(s -> s.getName().equals("jdbc insert")));
    Span server =
        trace.stream().filter(s -> s.getName().startsWith("http post")).findFirst().orElseThrow();
    assertThat(server.getName()).isEqualTo("http post /api/v1/complaints/submit");
    assertThat(HexFormat.of().formatHex(server.getParentSpanId().toByteArray()))
        .as("the caller's span is the server span's parent")
        .isEqualTo("00f067aa0ba902b7");
    Span insert =
        trace.stream().filter(s -> s.getName().equals("jdbc insert")).findFirst().orElseThrow();
    assertThat(insert.getAttributesList())
        .anySatisfy(
            a -> {
              assertThat(a.getKey()).isEqualTo("db.statement");
              assertThat(a.getValue().getStringValue()).startsWith("INSERT INTO");
            });
    assertThat(output.getOut().lines().filter(l -> l.contains("Slow SQL")))
        .anySatisfy(line -> assertThat(line).contains(traceId));
  }

  private static List<Span> spansOf(String traceId) {
    return SPANS.stream()
        .filter(s -> HexFormat.of().formatHex(s.getTraceId().toByteArray()).equals(traceId))
        .toList();
  }

  private static HttpServer receiver() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/v1/traces",
          exchange -> {
            ExportTraceServiceRequest request =
                ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes());
            request
                .getResourceSpansList()
                .forEach(r -> r.getScopeSpansList().forEach(s -> SPANS.addAll(s.getSpansList())));
            exchange.getResponseHeaders().put("Content-Type", List.of("application/x-protobuf"));
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
