package org.hostel.complaints.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Eventually;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The socket cap, dead-peer detection and shutdown, on an instance of its own with a cap of two
 * sockets and a fast ping so the test does not wait a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardLimitsTests {

  ConfigurableApplicationContext app;
  Api api;
  Fixtures fixtures;

  @BeforeAll
  void start() {
    Map<String, Object> properties = new HashMap<>();
    TestSetup.common((name, value) -> properties.put(name, value.get()));
    properties.put("server.port", "0");
    properties.put("complaints.realtime.max-connections", "2");
    properties.put("complaints.realtime.ping-interval", "200ms");
    properties.put("complaints.realtime.idle-timeout", "1s");
    // Arguments, because default properties would lose to application.yaml.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    app = new SpringApplicationBuilder(ComplaintsApplication.class).run(args);
    api = Api.onPort(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    fixtures = new Fixtures(api);
  }

  @AfterAll
  void stop() {
    if (app.isActive()) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void socketBeyondTheCapIsClosedWith1013AndTheSlotIsFreedOnClose() {
    try (var first = DashboardClient.open(api.base(), fixtures.adminToken());
        var second = DashboardClient.open(api.base(), fixtures.adminToken())) {
      DashboardSocketTests.awaitReady(first, second);
      try (var third = DashboardClient.open(api.base(), fixtures.adminToken())) {
        assertThat(third.closeCode()).isEqualTo(1013);
      }
      assertThat(api.get("/api/v1/websocket/health", null).json().get("status").asString())
          .isEqualTo("full");
      first.close();
      awaitConnections(1);
      try (var again = DashboardClient.open(api.base(), fixtures.adminToken())) {
        DashboardSocketTests.awaitReady(again);
      }
    }
    awaitConnections(0);
  }

  @Test
  @Order(2)
  void aClientThatAnswersPingsStaysConnectedPastTheIdleTimeout() throws InterruptedException {
    try (var dashboard = DashboardClient.open(api.base(), fixtures.adminToken())) {
      DashboardSocketTests.awaitReady(dashboard);
      Thread.sleep(2_500);
      assertThat(dashboard.isOpen()).isTrue();
      dashboard.send("ping");
      assertThat(dashboard.next()).isEqualTo("pong");
    }
  }

  @Test
  @Order(3)
  void aPeerThatStopsAnsweringIsClosedAndItsSlotFreed() throws IOException {
    try (Socket raw = new Socket("127.0.0.1", port())) {
      raw.setSoTimeout(10_000);
      handshake(raw, fixtures.adminToken());
      awaitConnections(1);
      // The peer never answers the server's pings, like a laptop that went to sleep.
      assertThat(closeCodeFrom(raw.getInputStream())).isEqualTo(1001);
    }
    awaitConnections(0);
  }

  @Test
  @Order(4)
  void shutdownClosesSocketsWith1001() {
    try (var dashboard = DashboardClient.open(api.base(), fixtures.adminToken())) {
      DashboardSocketTests.awaitReady(dashboard);
      app.close();
      assertThat(dashboard.closeCode()).isEqualTo(1001);
    }
  }

  private int port() {
    return Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
  }

  private void awaitConnections(int expected) {
    Eventually.await(
        expected + " sockets are open",
        Duration.ofSeconds(10),
        () ->
            api.get("/api/v1/websocket/health", null).json().get("active_connections").asInt()
                == expected);
  }

  private static void handshake(Socket raw, String token) throws IOException {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String request =
        "GET /ws/dashboard?token="
            + token
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    OutputStream out = raw.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = raw.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("connection closed during handshake: " + head);
      }
      head.append((char) b);
    }
    assertThat(head.toString()).startsWith("HTTP/1.1 101");
  }

  /** Reads server frames (pings, then the close) and answers the close frame's status code. */
  private static int closeCodeFrom(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    while (true) {
      int opcode = in.readUnsignedByte() & 0x0F;
      long length = in.readUnsignedByte() & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = in.readNBytes((int) length);
      if (opcode == 0x8) {
        return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
      }
    }
  }
}
