package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6238 appendix B test vectors, and the rules around them (drift, replay, Base32). */
class TotpTests {

  static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SHA256_KEY =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SHA512_KEY =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  static Stream<Arguments> appendixB() {
    return Stream.of(
        Arguments.of(59L, "94287082", "46119246", "90693936"),
        Arguments.of(1111111109L, "07081804", "68084774", "25091201"),
        Arguments.of(1111111111L, "14050471", "67062674", "99943326"),
        Arguments.of(1234567890L, "89005924", "91819424", "93441116"),
        Arguments.of(2000000000L, "69279037", "90698825", "38618901"),
        Arguments.of(20000000000L, "65353130", "77737706", "47863826"));
  }

  @ParameterizedTest(name = "T = {0}")
  @MethodSource("appendixB")
  void theRfc6238VectorsComeOut(long time, String sha1, String sha256, String sha512) {
    long step = Totp.step(Instant.ofEpochSecond(time));
    assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
    assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
    assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
  }

  @Test
  void base32RoundTripsAndTheSixDigitCodeIsTheLastSixOfTheVector() {
    String secret = Totp.base32(SHA1_KEY);
    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.decode(secret)).isEqualTo(SHA1_KEY);
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
  }

  @Test
  void aCodeIsGoodForOneStepEitherSideAndOnlyOnce() {
    String secret = Totp.newSecret();
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    long step = Totp.step(now);
    String previous = Totp.code(secret, step - 1);
    assertThat(Totp.verify(secret, previous, now, 0)).hasValue(step - 1);
    assertThat(Totp.verify(secret, previous, now, step - 1)).isEmpty();
    assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, 0)).isEmpty();
    assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, 0)).hasValue(step + 1);
    assertThat(Totp.verify(secret, "12345", now, 0)).isEmpty();
    assertThat(Totp.verify(secret, "abcdef", now, 0)).isEmpty();
  }

  @Test
  void theUriIsWhatAuthenticatorAppsRead() {
    assertThat(Totp.uri("Hostel complaints", "ann@example.org", "ABC"))
        .isEqualTo(
            "otpauth://totp/Hostel%20complaints:ann%40example.org?secret=ABC"
                + "&issuer=Hostel%20complaints&algorithm=SHA1&digits=6&period=30");
  }
}
