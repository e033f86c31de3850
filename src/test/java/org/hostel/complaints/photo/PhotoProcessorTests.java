package org.hostel.complaints.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pixel rules, without a server. */
class PhotoProcessorTests {

  /**
   * A 3 × 2 image whose pixels are numbered 1..6 row by row. For each EXIF orientation, the
   * expected screen image (row by row) follows the EXIF definition of where the stored first row
   * and first column belong.
   */
  @ParameterizedTest
  @CsvSource({
    "1, 3, '1 2 3 4 5 6'",
    "2, 3, '3 2 1 6 5 4'",
    "3, 3, '6 5 4 3 2 1'",
    "4, 3, '4 5 6 1 2 3'",
    "5, 2, '1 4 2 5 3 6'",
    "6, 2, '4 1 5 2 6 3'",
    "7, 2, '6 3 5 2 4 1'",
    "8, 2, '3 6 2 5 1 4'"
  })
  void everyExifOrientationIsTurnedUpright(int orientation, int width, String expected) {
    BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    stored.setRGB(0, 0, 3, 2, new int[] {1, 2, 3, 4, 5, 6}, 0, 3);

    BufferedImage shown = Pixels.orient(stored, orientation);

    assertThat(shown.getWidth()).isEqualTo(width);
    StringBuilder pixels = new StringBuilder();
    for (int y = 0; y < shown.getHeight(); y++) {
      for (int x = 0; x < shown.getWidth(); x++) {
        pixels.append(pixels.isEmpty() ? "" : " ").append(shown.getRGB(x, y) & 0xFFFFFF);
      }
    }
    assertThat(pixels.toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
  void threeByteImagesAreTurnedLikeIntImages(int orientation) {
    BufferedImage ints = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
    BufferedImage bytes = new BufferedImage(5, 3, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        int rgb = (x * 40) << 16 | (y * 60) << 8 | (x + y) * 10;
        ints.setRGB(x, y, rgb);
        bytes.setRGB(x, y, rgb);
      }
    }
    BufferedImage fromInts = Pixels.orient(ints, orientation);
    BufferedImage fromBytes = Pixels.orient(bytes, orientation);
    assertThat(fromBytes.getWidth()).isEqualTo(fromInts.getWidth());
    for (int y = 0; y < fromInts.getHeight(); y++) {
      for (int x = 0; x < fromInts.getWidth(); x++) {
        assertThat(fromBytes.getRGB(x, y)).isEqualTo(fromInts.getRGB(x, y));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "BM6....",
        "II*.tiff",
        "%PDF-1.7",
        "....ftypheic"
      })
  void onlyJpegPngGifAndWebpAreRecognisedByTheirBytes(String head) {
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> ImageFormat.sniff(bytes, bytes.length))
        .isInstanceOf(PhotoProblems.UnsupportedType.class);
  }

  @ParameterizedTest
  @CsvSource({
    "FFD8FFE0, JPEG",
    "89504E470D0A1A0A, PNG",
    "474946383961, GIF",
    "524946460000000057454250, WEBP"
  })
  void acceptedFormatsAreRecognisedByTheirMagicNumbers(String hex, ImageFormat format) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThat(ImageFormat.sniff(bytes, bytes.length)).isEqualTo(format);
  }

  @ParameterizedTest
  @CsvSource({"4032, 3024, 2048, 1536", "3024, 4032, 1536, 2048", "300, 200, 300, 200"})
  void largeImagesAreFittedIntoTheLongestEdge(int width, int height, int fitW, int fitH) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    BufferedImage fitted = Pixels.fit(image, 2048);
    assertThat(fitted.getWidth()).isEqualTo(fitW);
    assertThat(fitted.getHeight()).isEqualTo(fitH);
    assertThat(fitted.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
  }

  /** Whole-number steps while decoding, never leaving much less than the stored size. */
  @ParameterizedTest
  @CsvSource({"2048, 1", "2500, 1", "4032, 2", "4500, 2", "6000, 3", "8000, 4", "1000, 1"})
  void decodingSkipsPixelsOnlyWhereTheResultStaysCloseToTheStoredSize(int longest, int step) {
    assertThat(PhotoProcessor.subsampling(longest, 2048)).isEqualTo(step);
  }

  static PhotoSettings settings() {
    return new PhotoSettings(
        PhotoSettings.Storage.LOCAL,
        org.springframework.util.unit.DataSize.ofMegabytes(10),
        50_000_000L,
        16_000_000L,
        10,
        2048,
        256,
        java.time.Duration.ofHours(1),
        java.time.Duration.ofMinutes(15),
        java.time.Duration.ofMinutes(5),
        0,
        true,
        java.time.Duration.ofMinutes(2),
        "",
        new PhotoSettings.S3("", "", "us-east-1", "", "", true));
  }

  @Test
  void aLargeProgressiveJpegIsRefusedBeforeDecodingWhileTheSameSizeBaselineIsTaken(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    PhotoProcessor processor = new PhotoProcessor(settings());
    java.nio.file.Path progressive = dir.resolve("progressive.jpg");
    java.nio.file.Path baseline = dir.resolve("baseline.jpg");
    java.nio.file.Files.write(progressive, TestImages.progressiveJpeg(4800, 4000));
    java.nio.file.Files.write(baseline, TestImages.jpeg(4800, 4000));
    java.nio.file.Files.createDirectories(dir.resolve("a"));
    java.nio.file.Files.createDirectories(dir.resolve("b"));

    assertThat(JpegFrames.progressive(progressive)).isTrue();
    assertThat(JpegFrames.progressive(baseline)).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> processor.process(progressive, dir.resolve("a")))
        .isInstanceOf(PhotoProblems.InvalidImage.class)
        .hasMessageContaining("at most 16000000 pixels");
    // Decoded subsampled (every third pixel), close to the stored size.
    assertThat(processor.process(baseline, dir.resolve("b")).width()).isBetween(1536, 2048);
  }
}
