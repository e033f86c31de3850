package org.hostel.complaints.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.storage.Deployment;
import org.hostel.complaints.storage.GeneratedSecrets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Issues HS256 staff tokens, signed with the current key and naming it ({@code kid}), and turns
 * presented bearer tokens back into callers; see {@link SigningKeys} for rotation.
 */
@Service
class TokenService {

  static final String SECRET_FILE = "jwt-secret";

  private final SigningKeys keys;
  private final JwtEncoder encoder;
  private final JwtDecoder decoder;
  private final byte[] serviceToken;
  private final StaffRepository staff;
  private final AuthSettings settings;
  private final SessionRegistry sessions;
  private final AccountStates states;
  private final Clock clock;

  TokenService(
      AuthSettings settings,
      GeneratedSecrets secrets,
      Deployment deployment,
      StaffRepository staff,
      SessionRegistry sessions,
      AccountStates states,
      Clock clock) {
    this.keys = new SigningKeys(secret(settings, secrets, deployment), verifying(settings));
    this.encoder = keys.encoder();
    NimbusJwtDecoder decoder = keys.decoder();
    // Spring's default accepts a token for 60 s after it expired; clocks of one deployment agree
    // far better than that.
    JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
    timestamps.setClock(clock);
    decoder.setJwtValidator(timestamps);
    this.decoder = decoder;
    String token = settings.serviceToken().trim();
    if (!token.isEmpty() && token.length() < 16) {
      throw new IllegalStateException(
          "COMPLAINTS_SERVICE_TOKEN must be at least 16 characters long");
    }
    this.serviceToken = token.getBytes(StandardCharsets.UTF_8);
    this.staff = staff;
    this.settings = settings;
    this.sessions = sessions;
    this.states = states;
    this.clock = clock;
  }

  /** A freshly issued staff token. */
  record IssuedToken(String accessToken, long expiresIn, UUID id, Role role) {}

  IssuedToken issue(StaffMember member) {
    Instant now = clock.instant();
    Instant expires = now.plus(settings.tokenTtl());
    String jti = UUID.randomUUID().toString();
    HttpServletRequest request = currentRequest();
    sessions.opened(
        jti,
        member.id(),
        now,
        expires,
        request == null ? null : request.getRemoteAddr(),
        request == null ? null : request.getHeader(HttpHeaders.USER_AGENT));
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .subject(member.id().toString())
            .claim("role", member.role().value())
            .issuedAt(now)
            .expiresAt(expires)
            .id(jti)
            .build();
    String token =
        encoder
            .encode(
                JwtEncoderParameters.from(
                    JwsHeader.with(MacAlgorithm.HS256).keyId(keys.signingKeyId()).build(), claims))
            .getTokenValue();
    return new IssuedToken(token, settings.tokenTtl().toSeconds(), member.id(), member.role());
  }

  /**
   * The caller behind a bearer token: the integration when it is the service token, otherwise a
   * staff member whose signed, unexpired, unrevoked token was issued after their last password
   * change and whose account is still active.
   */
  Caller authenticate(String bearer) {
    if (serviceToken.length > 0
        && MessageDigest.isEqual(serviceToken, bearer.getBytes(StandardCharsets.UTF_8))) {
      return Caller.integration();
    }
    Jwt jwt;
    try {
      jwt = decoder.decode(bearer);
    } catch (JwtException e) {
      throw new InvalidBearerTokenException("The token is invalid or expired");
    }
    UUID staffId;
    try {
      staffId = UUID.fromString(String.valueOf(jwt.getSubject()));
    } catch (IllegalArgumentException e) {
      throw new InvalidBearerTokenException("The token is invalid or expired");
    }
    String tokenId = jwt.getId();
    Instant issuedAt = jwt.getIssuedAt();
    if (tokenId == null || issuedAt == null) {
      throw new InvalidBearerTokenException("The token is invalid or expired");
    }
    StaffRepository.TokenState state =
        states
            .state(staffId, tokenId, () -> staff.tokenState(staffId, tokenId))
            .orElseThrow(() -> new InvalidBearerTokenException("The token is invalid or expired"));
    if (state.revoked()
        || !state.active()
        || issuedAt.getEpochSecond() < state.tokensValidAfter()) {
      throw new InvalidBearerTokenException("The token has been revoked");
    }
    sessions.touch(tokenId, clock.instant());
    Caller.Kind kind = state.role() == Role.ADMIN ? Caller.Kind.ADMIN : Caller.Kind.PORTER;
    return new Caller(kind, staffId, tokenId, jwt.getExpiresAt());
  }

  /**
   * The CSRF token that belongs to a session token: a keyed hash of it, so a forged request needs
   * the session token itself, which page scripts never see. Nothing is stored.
   */
  String csrfTokenFor(String sessionToken) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(SigningKeys.hmac(keys.csrfKeyFor(sessionToken), sessionToken));
  }

  private static @Nullable HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
        ? attrs.getRequest()
        : null;
  }

  /** Keys that still verify tokens but sign none: the old key during a rotation. */
  private static List<byte[]> verifying(AuthSettings settings) {
    List<byte[]> secrets = new ArrayList<>();
    for (String configured : settings.jwtVerificationSecrets()) {
      if (configured.isBlank()) {
        continue;
      }
      byte[] bytes = configured.trim().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new IllegalStateException(
            "Every COMPLAINTS_JWT_VERIFICATION_SECRETS entry must be at least 32 bytes long");
      }
      secrets.add(bytes);
    }
    return secrets;
  }

  private static byte[] secret(
      AuthSettings settings, GeneratedSecrets secrets, Deployment deployment) {
    String configured = settings.jwtSecret().trim();
    if (!configured.isEmpty()) {
      byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new IllegalStateException("COMPLAINTS_JWT_SECRET must be at least 32 bytes long");
      }
      return bytes;
    }
    if (!deployment.embedded()) {
      throw new IllegalStateException(
          "COMPLAINTS_JWT_SECRET is not set. With an external database every instance must sign"
              + " tokens with the same secret: set COMPLAINTS_JWT_SECRET to a random string of at"
              + " least 32 bytes (for example: openssl rand -base64 48).");
    }
    // The key is the Base64 text itself, as it always was, so existing tokens stay valid.
    return secrets.randomKey(SECRET_FILE, 48).getBytes(StandardCharsets.UTF_8);
  }
}
