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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.hostel.complaints.mail.SmtpServer;
import org.hostel.complaints.photo.S3ProxyServer;
import org.hostel.complaints.photo.TestImages;
import org.hostel.complaints.telegram.FakeBotApi;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.Multipart;
import org.hostel.complaints.testing.PostgresContext;
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
 * Traces exported over OTLP/HTTP to a receiver in this process, on the scaled-out shape
 * (PostgreSQL, Redis, photos in S3) with mail and the bot on: a submit's server span continues the
 * caller's {@code traceparent} and has its SQL, Redis and S3 calls as children, the after-commit
 * listeners run in spans linked to it, every outbox delivery is a span with its Bot API or SMTP
 * call inside, and the request's log lines carry the trace id.
 */
@DirtiesContext
@PostgresContext
@ExtendWith(OutputCaptureExtension.class)
class TracingTests {

  static final List<Span> SPANS = new CopyOnWriteArrayList<>();
  static final HttpServer RECEIVER = receiver();
  static final S3ProxyServer S3 = S3ProxyServer.start();
  static final SmtpServer SMTP = SmtpServer.started();
  static final FakeBotApi TELEGRAM = botApi();
  static final String TEST = "complaints-test:" + UUID.randomUUID();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add(
        OtlpEndpoint.PROPERTY,
        () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/v1/traces");
    registry.add("complaints.observability.slow-query-threshold", () -> "0ms");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:6379");
    // A loaded machine may take longer than the service's 2 s to say hello.
    registry.add("spring.data.redis.timeout", () -> "15s");
    registry.add("spring.data.redis.connect-timeout", () -> "15s");
    registry.add("complaints.realtime.redis-channel", () -> TEST);
    registry.add("complaints.rate-limit.redis-key-prefix", () -> TEST + ":rate:");
    registry.add("complaints.photos.storage", () -> "s3");
    registry.add("complaints.photos.s3.endpoint", S3::endpoint);
    registry.add("complaints.photos.s3.bucket", () -> "traced-photos");
    registry.add("complaints.photos.s3.access-key", () -> S3ProxyServer.ACCESS_KEY);
    registry.add("complaints.photos.s3.secret-key", () -> S3ProxyServer.SECRET_KEY);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
    registry.add("complaints.mail.from", () -> "office@hostel.example");
    registry.add("complaints.public-base-url", () -> "https://complaints.hostel.example/");
    registry.add("complaints.telegram.bot-token", () -> FakeBotApi.TOKEN);
    registry.add("complaints.telegram.api-url", TELEGRAM::url);
    registry.add("complaints.telegram.poll-timeout", () -> "1s");
    registry.add("complaints.outbox.poll-interval", () -> "200ms");
  }

  @AfterAll
  static void stop() {
    RECEIVER.stop(0);
    S3.close();
    SMTP.stop();
    TELEGRAM.close();
  }

  @Test
  void aSubmitsTraceHasItsServerStatementRedisAndS3SpansAndItsLogLinesCarryTheTraceId(
      Api api, CapturedOutput output) {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    Api.Response submitted =
        api.call("POST", "/api/v1/complaints/submit")
            .token(TestSetup.SERVICE_TOKEN)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .json(Fixtures.complaint(Fixtures.reporter()))
            .send();
    assertThat(submitted.status()).isEqualTo(201);
    // The bot sends its photo next, in the same trace.
    Multipart photo = Multipart.file("leak.jpg", "image/jpeg", TestImages.jpeg(800, 600));
    Api.Response uploaded =
        api.call("POST", "/api/v1/complaints/" + submitted.json().get("id").asString() + "/photos")
            .token(TestSetup.SERVICE_TOKEN)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b8-01")
            .bytes(photo.contentType(), photo.bytes())
            .send();
    assertThat(uploaded.status()).isEqualTo(201);

    List<Span> trace =
        Eventually.poll(
            "the submit's spans reach the receiver",
            Duration.ofSeconds(30),
            () -> spansOf(traceId),
            spans ->
                has(spans, named("http post /api/v1/complaints/submit"))
                    && has(spans, named("jdbc insert"))
                    && has(spans, attribute("db.system", "redis"))
                    && has(spans, named("s3 PutObject")));
    Span server = first(trace, named("http post /api/v1/complaints/submit"));
    assertThat(hex(server.getParentSpanId().toByteArray()))
        .as("the caller's span is the server span's parent")
        .isEqualTo("00f067aa0ba902b7");
    assertThat(first(trace, named("jdbc insert")).getAttributesList())
        .anySatisfy(
            a -> {
              assertThat(a.getKey()).isEqualTo("db.statement");
              assertThat(a.getValue().getStringValue()).startsWith("INSERT INTO");
            });
    assertThat(trace.stream().filter(attribute("db.system", "redis")))
        .as("the rate limit's Redis call is the request's (the photo upload has its own)")
        .anySatisfy(redis -> assertThat(redis.getParentSpanId()).isEqualTo(server.getSpanId()));
    assertThat(output.getOut().lines().filter(l -> l.contains("Slow SQL")))
        .anySatisfy(line -> assertThat(line).contains(traceId));

    Span afterCommit =
        first(
            Eventually.poll(
                "the after-commit listener's span reaches the receiver",
                Duration.ofSeconds(30),
                () -> SPANS.stream().filter(named("after-commit ComplaintSubmitted")).toList(),
                spans -> has(spans, linkedTo(server))),
            linkedTo(server));
    assertThat(hex(afterCommit.getTraceId().toByteArray()))
        .as("a linked span starts a trace of its own")
        .isNotEqualTo(traceId);
    List<Span> fanout =
        Eventually.poll(
            "the dashboard fan-out's Redis call is a child of the linked span",
            Duration.ofSeconds(30),
            () -> SPANS.stream().filter(childOf(afterCommit)).toList(),
            spans -> has(spans, attribute("db.system", "redis")));
    assertThat(fanout).isNotEmpty();
  }

  @Test
  void everyOutboxDeliveryIsASpanWithItsBotApiOrSmtpCallInside(Fixtures fixtures, Api api) {
    String id = fixtures.submit().get("id").asString();
    String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
    Api.Response started =
        api.call("PATCH", "/api/v1/complaints/" + id + "/status")
            .token(fixtures.adminToken())
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b9-01")
            .json(Map.of("status", "in_progress"))
            .send();
    assertThat(started.status()).isEqualTo(200);
    Api.Response invited =
        api.post(
            "/api/v1/staff/invitations",
            fixtures.adminToken(),
            Map.of(
                "email", "porter-" + UUID.randomUUID() + "@hostel.example",
                "role", "porter",
                "full_name", "New Porter"));
    assertThat(invited.status()).isEqualTo(201);

    Span statusChange =
        Eventually.poll(
            "the status change's server span reaches the receiver",
            Duration.ofSeconds(30),
            () -> first(spansOf(traceId), s -> s.getName().startsWith("http patch")),
            span -> true);
    Eventually.poll(
        "the Telegram notice's delivery is linked to the status change that stored it",
        Duration.ofSeconds(30),
        () -> SPANS.stream().filter(named("outbox deliver telegram")).toList(),
        deliveries -> has(deliveries, linkedTo(statusChange)));
    for (String channel : List.of("telegram", "email")) {
      String call = channel.equals("telegram") ? "telegram sendMessage" : "smtp send";
      Eventually.poll(
          "a " + channel + " delivery's spans reach the receiver",
          Duration.ofSeconds(30),
          () ->
              SPANS.stream()
                  .filter(named("outbox deliver " + channel))
                  .filter(d -> has(SPANS, named(call).and(childOf(d))))
                  .toList(),
          deliveries -> !deliveries.isEmpty());
    }
  }

  private static List<Span> spansOf(String traceId) {
    return SPANS.stream().filter(s -> hex(s.getTraceId().toByteArray()).equals(traceId)).toList();
  }

  private static Predicate<Span> named(String name) {
    return s -> s.getName().equals(name);
  }

  private static Predicate<Span> attribute(String key, String value) {
    return s ->
        s.getAttributesList().stream()
            .anyMatch(a -> a.getKey().equals(key) && a.getValue().getStringValue().equals(value));
  }

  private static Predicate<Span> childOf(Span parent) {
    return s ->
        s.getTraceId().equals(parent.getTraceId())
            && s.getParentSpanId().equals(parent.getSpanId());
  }

  private static Predicate<Span> linkedTo(Span cause) {
    return s ->
        s.getLinksList().stream()
            .anyMatch(
                l ->
                    l.getTraceId().equals(cause.getTraceId())
                        && l.getSpanId().equals(cause.getSpanId()));
  }

  private static boolean has(List<Span> spans, Predicate<Span> wanted) {
    return spans.stream().anyMatch(wanted);
  }

  private static Span first(List<Span> spans, Predicate<Span> wanted) {
    return spans.stream().filter(wanted).findFirst().orElseThrow();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static FakeBotApi botApi() {
    try {
      return new FakeBotApi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
