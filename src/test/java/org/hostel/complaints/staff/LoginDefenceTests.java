package org.hostel.complaints.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Logins and tokens under attack: password guessing, oversized passwords, expired tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginDefenceTests {

  @DynamicPropertySource
  static void fewFailures(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    registry.add("complaints.auth.failures-per-username", () -> "3");
  }

  @LocalServerPort int port;
  Api api;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    api = Api.onPort(port);
    fixtures = new Fixtures(api);
  }

  @Test
  void failedLoginsCountPerAccountHoweverThePhoneNumberIsSpelled() {
    String digits = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L));
    String phone = "+1555" + digits;
    Api.Response created =
        api.post(
            "/auth/register",
            fixtures.adminToken(),
            Map.of(
                "full_name",
                "Phone porter",
                "phone",
                phone,
                "password",
                "Porter-Passw0rd",
                "role",
                "porter"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String spaced = "+1 555 " + digits.substring(0, 3) + " " + digits.substring(3);
    String bracketed = "(+1)555-" + digits.substring(0, 3) + "-" + digits.substring(3);
    String dotted = "+1.555." + digits;
    List<Integer> statuses = new ArrayList<>();
    for (String spelling : List.of(phone, spaced, bracketed, dotted, " " + phone + " ")) {
      statuses.add(login(spelling, "Wrong-Passw0rd").status());
    }

    assertThat(statuses).containsExactly(401, 401, 401, 429, 429);
    assertThat(login(phone, "Porter-Passw0rd").status())
        .as("the right password waits too while the account is locked")
        .isEqualTo(429);
  }

  @Test
  void aPasswordOver72BytesIsRefusedWithAProblemNotA500() {
    // 40 characters, well under the length limit, but 80 bytes in UTF-8: BCrypt reads 72 at most.
    String multiByte = "Aa1" + "é".repeat(37);
    assertThat(multiByte.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
    for (String password : List.of("Aa1" + "x".repeat(80), multiByte)) {
      Api.Response registered =
          api.post(
              "/auth/register",
              fixtures.adminToken(),
              Map.of(
                  "full_name",
                  "Long password",
                  "email",
                  "long-" + UUID.randomUUID() + "@test.local",
                  "password",
                  password));

      assertThat(registered.status()).as(registered.toString()).isEqualTo(422);
      assertThat(registered.json().get("detail").asString()).contains("72 bytes");
      assertThat(login(TestSetup.ADMIN_EMAIL + "x", password).status()).isEqualTo(401);
    }
  }

  @Test
  void aTokenThatExpiredAFewSecondsAgoIsRefused() throws Exception {
    String admin = fixtures.adminToken();
    String adminId = api.get("/api/v1/profile/me", admin).json().get("id").asString();
    Instant now = Instant.now();
    String expired = token(adminId, now.minusSeconds(600), now.minusSeconds(10));
    String fresh = token(adminId, now.minusSeconds(600), now.plusSeconds(60));

    assertThat(api.get("/api/v1/profile/me", fresh).status()).isEqualTo(200);
    Api.Response refused = api.get("/api/v1/profile/me", expired);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
  }

  private Api.Response login(String username, String password) {
    return api.post("/auth/login-json", null, Map.of("username", username, "password", password));
  }

  static String token(String subject, Instant issued, Instant expires) throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .claim("role", "admin")
            .issueTime(Date.from(issued))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(TestSetup.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }
}
