package org.hostel.complaints.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An instance in the middle of a key rotation: it signs with the new key and still verifies the old
 * one, so tokens and browser sessions issued before the rotation keep working until they expire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyRotationTests {

  static final String OLD = TestSetup.JWT_SECRET;
  static final String NEW = "the-new-signing-secret-after-rotation-0123456789";
  static final String STRANGER = "a-secret-this-deployment-never-had-0123456789";

  @DynamicPropertySource
  static void rotated(DynamicPropertyRegistry registry) {
    TestSetup.common(registry);
    registry.add("complaints.auth.jwt-secret", () -> NEW);
    registry.add("complaints.auth.jwt-verification-secrets", () -> OLD);
  }

  @LocalServerPort int port;
  Api api;
  String adminId;

  @BeforeEach
  void setUp() {
    api = Api.onPort(port);
    adminId =
        api.get("/api/v1/profile/me", new Fixtures(api).adminToken()).json().get("id").asString();
  }

  @Test
  void newTokensNameTheNewKey() throws Exception {
    String token = new Fixtures(api).adminToken();

    assertThat(JWSObject.parse(token).getHeader().getKeyID()).isEqualTo(SigningKeys.id(bytes(NEW)));
  }

  @Test
  void tokensSignedWithTheOldKeyStillWorkWithOrWithoutAKeyId() throws Exception {
    String legacy = token(OLD, null);
    String named = token(OLD, SigningKeys.id(bytes(OLD)));

    assertThat(api.get("/api/v1/profile/me", legacy).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/profile/me", named).status()).isEqualTo(200);
  }

  @Test
  void aKeyTheDeploymentNeverHadIsRefusedWhateverItsKeyIdSays() throws Exception {
    assertThat(api.get("/api/v1/profile/me", token(STRANGER, null)).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/profile/me", token(STRANGER, SigningKeys.id(bytes(OLD)))).status())
        .isEqualTo(401);
  }

  @Test
  void aBrowserSessionFromBeforeTheRotationKeepsItsCsrfToken() throws Exception {
    String session = token(OLD, null);
    // What the old key's instance handed the page at login.
    byte[] csrfKey = hmac(bytes(OLD), "csrf-key");
    String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(csrfKey, session));

    Api.Response write =
        api.call("POST", "/api/v1/complaints/submit")
            .header("Cookie", SessionCookie.NAME + "=" + session)
            .header(SessionCookie.CSRF_HEADER, csrf)
            .json(Fixtures.complaint(Fixtures.reporter()))
            .send();
    Api.Response me =
        api.call("GET", "/auth/session")
            .header("Cookie", SessionCookie.NAME + "=" + session)
            .send();

    assertThat(write.status()).as(write.toString()).isEqualTo(201);
    assertThat(me.json().get("csrf_token").asString()).isEqualTo(csrf);
  }

  private String token(String secret, @Nullable String kid) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(adminId)
            .claim("role", "admin")
            .issueTime(Date.from(now.minusSeconds(30)))
            .expirationTime(Date.from(now.plusSeconds(600)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
    jwt.sign(new MACSigner(bytes(secret)));
    return jwt.serialize();
  }

  private static byte[] bytes(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hmac(byte[] key, String text) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }
}
