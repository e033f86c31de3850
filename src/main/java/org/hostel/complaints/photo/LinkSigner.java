package org.hostel.complaints.photo;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures of the local store's links. The signature is the credential of a link, so a
 * browser {@code <img>} or a phone can use it without a bearer token.
 */
final class LinkSigner {

  private final SecretKeySpec key;

  LinkSigner(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  String sign(String... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean verify(String signature, String... parts) {
    return MessageDigest.isEqual(
        sign(parts).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
