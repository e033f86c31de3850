package org.hostel.complaints.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hostel.complaints.storage.GeneratedSecrets;
import org.springframework.stereotype.Component;

/**
 * The portal's secrets and what is made from them: unguessable tokens (256 bits, kept only as
 * SHA-256), poster codes (HMAC of hostel and room with the poster key), form stamps and the keyed
 * hash that stands for a client address. All come from the poster key, under different labels.
 */
@Component
class PortalKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] posterKey;
  private final byte[] formKey;

  PortalKeys(PortalSettings settings, GeneratedSecrets secrets) {
    String poster =
        settings.posterKey().isBlank()
            ? secrets.randomKey("portal-poster-key", 32)
            : settings.posterKey();
    this.posterKey = poster.getBytes(StandardCharsets.UTF_8);
    // One secret, separate labels: instances sharing COMPLAINTS_PORTAL_POSTER_KEY agree on all.
    this.formKey = posterKey;
  }

  /** A new capability token: 32 random bytes, URL-safe. */
  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What is stored of a token. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The code printed on a room's poster. */
  String posterCode(String hostel, String room) {
    return mac(posterKey, "poster\u0000" + hostel + "\u0000" + room, 16);
  }

  boolean posterCodeMatches(String hostel, String room, String code) {
    return MessageDigest.isEqual(
        posterCode(hostel, room).getBytes(StandardCharsets.UTF_8),
        code.getBytes(StandardCharsets.UTF_8));
  }

  /** The code in a reporter's e-mail links (confirm, unsubscribe) for one complaint. */
  String emailCode(UUID complaintId) {
    return mac(posterKey, "email\u0000" + complaintId, 24);
  }

  boolean emailCodeMatches(UUID complaintId, String code) {
    return MessageDigest.isEqual(
        emailCode(complaintId).getBytes(StandardCharsets.UTF_8),
        code.getBytes(StandardCharsets.UTF_8));
  }

  /** A stamp for a form served at {@code millis}: the time and its signature. */
  String stamp(long millis) {
    return millis + "." + mac(formKey, "stamp\u0000" + millis, 12);
  }

  /** The time in a stamp this service made; -1 for anything else. */
  long stampTime(String stamp) {
    int dot = stamp.indexOf('.');
    if (dot < 1 || dot > 19) {
      return -1;
    }
    try {
      long millis = Long.parseLong(stamp.substring(0, dot));
      boolean ok =
          MessageDigest.isEqual(
              stamp(millis).getBytes(StandardCharsets.UTF_8),
              stamp.getBytes(StandardCharsets.UTF_8));
      return ok ? millis : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A client address as stored for spam blocking: a keyed hash, never the address. */
  String source(String address) {
    return mac(formKey, "source\u0000" + address, 16);
  }

  private static String mac(byte[] key, String text, int bytes) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sum = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(java.util.Arrays.copyOf(sum, bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether SHA-256 of {@code challenge:nonce} starts with {@code bits} zero bits. */
  static boolean proofHolds(String challenge, String nonce, int bits) {
    if (bits == 0) {
      return true;
    }
    if (nonce.isEmpty() || nonce.length() > 20) {
      return false;
    }
    try {
      byte[] sum =
          MessageDigest.getInstance("SHA-256")
              .digest((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < bits; i++) {
        if ((sum[i / 8] & (0x80 >>> (i % 8))) != 0) {
          return false;
        }
      }
      return true;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
