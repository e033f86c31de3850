package org.hostel.complaints.staff;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The token keys: one that signs, any number that only verify, so keys can be rotated without
 * logging anyone out. Each key's id ({@code kid}) is derived from the key itself, so nothing else
 * needs configuring and every instance agrees. A token names its key in its header; tokens from
 * before key ids (none in the header) are tried against every key. The CSRF token of a session is
 * keyed by the key that signed the session's token, so it stays valid across a rotation too.
 */
final class SigningKeys {

  record Key(String id, SecretKey secret, SecretKey csrf) {}

  private final Key signing;
  private final Map<String, Key> keys = new LinkedHashMap<>();

  SigningKeys(byte[] signingSecret, List<byte[]> verificationSecrets) {
    this.signing = key(signingSecret);
    keys.put(signing.id(), signing);
    for (byte[] secret : verificationSecrets) {
      Key key = key(secret);
      keys.putIfAbsent(key.id(), key);
    }
  }

  /** The key id of a secret: a short hash of it, which reveals nothing about the key. */
  static String id(byte[] secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String signingKeyId() {
    return signing.id();
  }

  JwtEncoder encoder() {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk(signing))));
  }

  /** Checks signatures only; expiry and the rest are Spring's validators' and the caller's job. */
  NimbusJwtDecoder decoder() {
    List<JWK> all = new ArrayList<>();
    keys.values().forEach(k -> all.add(jwk(k)));
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.HS256, new ImmutableJWKSet<>(new JWKSet(all))));
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    return new NimbusJwtDecoder(processor);
  }

  /**
   * The CSRF key of the key that signed {@code token}: the one its {@code kid} names, or, for a
   * token from before key ids, the one its signature verifies with; the signing key's otherwise.
   */
  SecretKey csrfKeyFor(String token) {
    try {
      JWSObject jws = JWSObject.parse(token);
      String kid = jws.getHeader().getKeyID();
      if (kid != null) {
        return Optional.ofNullable(keys.get(kid)).orElse(signing).csrf();
      }
      for (Key key : keys.values()) {
        if (jws.verify(new MACVerifier(key.secret()))) {
          return key.csrf();
        }
      }
    } catch (ParseException | JOSEException notOurs) {
      // Not a token signed here: any key will do, the request fails authentication anyway.
    }
    return signing.csrf();
  }

  static byte[] hmac(SecretKey key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static Key key(byte[] secret) {
    SecretKey key = new SecretKeySpec(secret, "HmacSHA256");
    return new Key(id(secret), key, new SecretKeySpec(hmac(key, "csrf-key"), "HmacSHA256"));
  }

  private static JWK jwk(Key key) {
    return new OctetSequenceKey.Builder(key.secret())
        .keyID(key.id())
        .algorithm(JWSAlgorithm.HS256)
        .keyUse(KeyUse.SIGNATURE)
        .build();
  }
}
