package org.hostel.complaints.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One account cannot take every dashboard socket of an instance, and one address cannot flood it
 * with handshakes: both limits are separate from the instance's own cap.
 */
// The flood spends the address's handshakes, so it comes last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SocketCapTests {

  static final int PER_ACCOUNT = 2;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    registry.add("complaints.realtime.max-connections-per-account", () -> PER_ACCOUNT);
    registry.add("complaints.realtime.handshakes-per-client", () -> "12/1m");
  }

  @LocalServerPort int port;

  @Test
  @Order(1)
  void oneAccountHoldsAtMostItsShareAndOthersStillGetIn() {
    var api = org.hostel.complaints.testing.Api.onPort(port);
    Fixtures fixtures = new Fixtures(api);
    Fixtures.Staff porter = fixtures.porter();
    String base = "http://127.0.0.1:" + port;
    List<DashboardClient> held = new ArrayList<>();
    try {
      for (int i = 0; i < PER_ACCOUNT; i++) {
        DashboardClient socket = DashboardClient.open(base, porter.token());
        DashboardSocketTests.awaitReady(socket);
        held.add(socket);
      }
      DashboardClient onceTooMany = DashboardClient.open(base, porter.token());
      held.add(onceTooMany);
      DashboardClient admin = DashboardClient.open(base, fixtures.adminToken());
      held.add(admin);

      assertThat(onceTooMany.closeCode()).isEqualTo(DashboardSocket.TOO_MANY_FOR_ACCOUNT);
      DashboardSocketTests.awaitReady(admin);
      assertThat(admin.isOpen()).isTrue();
      held.get(0).close();
      // The server hears of the close a moment later: until then a new socket is still one too
      // many, so try again (each try is one handshake of the client's twelve a minute).
      DashboardClient afterOneLeft =
          org.hostel.complaints.testing.Eventually.poll(
              "a socket of the account opens once one left",
              java.time.Duration.ofSeconds(10),
              () -> {
                DashboardClient attempt = DashboardClient.open(base, porter.token());
                held.add(attempt);
                org.hostel.complaints.testing.Eventually.sleep(java.time.Duration.ofMillis(500));
                return attempt.isOpen() ? attempt : null;
              },
              socket -> true);
      DashboardSocketTests.awaitReady(afterOneLeft);
      assertThat(afterOneLeft.isOpen()).isTrue();
    } finally {
      held.forEach(DashboardClient::close);
    }
  }

  @Test
  @Order(2)
  void aFloodOfHandshakesFromOneAddressIsAnswered429BeforeAnyTokenIsChecked() {
    String base = "http://127.0.0.1:" + port;
    int refused = 0;
    for (int i = 0; i < 20; i++) {
      Throwable failure = catchThrowable(() -> DashboardClient.open(base, "not-a-token").close());
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof WebSocketHandshakeException handshake
            && handshake.getResponse().statusCode() == 429) {
          refused++;
          break;
        }
      }
    }
    assertThat(refused).isGreaterThanOrEqualTo(20 - 12 - 2);
  }
}
