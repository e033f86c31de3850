package org.hostel.complaints.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A seeded, time-boxed random input generator for fuzz tests. CI runs each target for {@code
 * fuzz.seconds} (3 s) from the fixed {@code fuzz.seed}, so a run is repeatable; a longer search is
 * {@code mvn test -Dtest='*FuzzTests' -Dfuzz.seconds=300 -Dfuzz.seed=random}. A failure names the
 * seed and the iteration that found it, and the input.
 *
 * <p>Why not Jazzer or jqwik: both ship JUnit engines built for the JUnit Platform 1.x, and Spring
 * Boot 4 runs the Platform 6; mixing the two on one class path is the kind of break that shows only
 * in CI. Inputs here are mutations of valid seeds (the part of coverage guidance that matters most
 * for these parsers), without instrumentation.
 */
public final class Fuzz {

  private static final long SEED = seed();
  private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 3L));

  private Fuzz() {}

  /** Runs {@code one} with a fresh random input source until the budget is spent. */
  public static int run(String target, Consumer<Random> one) {
    Random seeds = new Random(SEED ^ target.hashCode());
    long deadline = System.nanoTime() + BUDGET.toNanos();
    int iterations = 0;
    do {
      long seed = seeds.nextLong();
      try {
        one.accept(new Random(seed));
      } catch (AssertionError | RuntimeException failure) {
        throw new AssertionError(
            target
                + ": iteration "
                + iterations
                + " (fuzz.seed="
                + SEED
                + ", input seed "
                + seed
                + ") failed: "
                + failure.getMessage(),
            failure);
      }
      iterations++;
    } while (System.nanoTime() < deadline);
    System.out.println("fuzz " + target + ": " + iterations + " inputs, seed " + SEED);
    return iterations;
  }

  private static long seed() {
    String configured = System.getProperty("fuzz.seed", "20261202");
    return configured.equals("random") ? new Random().nextLong() : Long.parseLong(configured);
  }

  /** One of the values. */
  @SafeVarargs
  public static <T> T oneOf(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  public static <T> T oneOf(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A string that parsers find awkward: control bytes, surrogates, escapes, huge, empty. */
  public static String nastyString(Random random) {
    return switch (random.nextInt(12)) {
      case 0 -> "";
      case 1 -> " ";
      case 2 -> "x".repeat(random.nextInt(5000));
      case 3 -> "\u0000\u0001\u001f\u007f\u0085\u2028";
      case 4 -> "\ud800";
      case 5 -> "' OR 1=1 --";
      case 6 -> "<script>alert(1)</script>";
      case 7 -> "%00%ff%2e%2e/";
      case 8 -> "\\u0000\"\\";
      case 9 -> Long.toString(random.nextLong());
      case 10 -> "1e999999";
      default -> randomText(random, random.nextInt(64));
    };
  }

  public static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          random.nextInt(4) == 0 ? random.nextInt(0x2FFF) : 0x20 + random.nextInt(0x5F));
    }
    return text.toString();
  }

  /** Flips, inserts, deletes or truncates a few bytes. */
  public static byte[] mutateBytes(Random random, byte[] input) {
    byte[] bytes = input.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && bytes.length > 0; e++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(4)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
        case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
        default -> {
          byte[] longer = new byte[bytes.length + 1];
          System.arraycopy(bytes, 0, longer, 0, at);
          longer[at] = (byte) random.nextInt(256);
          System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
          bytes = longer;
        }
      }
    }
    return bytes;
  }

  public static String mutateText(Random random, String text) {
    return new String(
        mutateBytes(random, text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }
}
