package org.hostel.complaints.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hostel.complaints.testing.Fuzz;
import org.hostel.complaints.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing the photo checks and decoder with mutated images of every accepted type (and a few that
 * are not): each input is stored within the size bounds or refused with a problem (415, 422, 413),
 * never an unexpected exception, never more pixels than the limits allow. Budget and seed: {@link
 * Fuzz}.
 */
class PhotoDecoderFuzzTests {

  static final List<byte[]> SEEDS =
      List.of(
          TestImages.jpeg(64, 48),
          TestImages.progressiveJpeg(80, 60),
          TestImages.phoneJpeg(60, 40),
          TestImages.transparentPng(40, 30),
          TestImages.gif(30, 20),
          TestImages.pngBomb(2000),
          TestImages.svgWithScript());

  @Test
  void mutatedImagesAreStoredWithinBoundsOrRefused(@TempDir Path dir) {
    PhotoSettings settings = PhotoProcessorTests.settings();
    PhotoProcessor processor = new PhotoProcessor(settings);
    Fuzz.run(
        "photo",
        random -> {
          byte[] input = mutate(random, Fuzz.oneOf(random, SEEDS));
          try {
            Path work = Files.createTempDirectory(dir, "w");
            Path file = work.resolve("in");
            Files.write(file, input);
            try {
              PhotoProcessor.Result result = processor.process(file, work);
              assertThat(Math.max(result.width(), result.height()))
                  .isBetween(1, settings.maxEdge());
              assertThat(result.size()).isPositive();
            } catch (ApiException refused) {
              assertThat(refused.status().value()).isIn(413, 415, 422);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Byte edits, or edits aimed at the header fields that give an image's size. */
  static byte[] mutate(Random random, byte[] seed) {
    byte[] bytes = seed.clone();
    if (random.nextInt(3) == 0 && bytes.length > 32) {
      // Width and height live in the first few dozen bytes of every format here.
      int at = 4 + random.nextInt(Math.min(bytes.length, 200) - 4);
      bytes[at] = (byte) (int) Fuzz.oneOf(random, 0x00, 0xFF, 0x7F, 0x80, random.nextInt(256));
      return bytes;
    }
    return Fuzz.mutateBytes(random, bytes);
  }
}
