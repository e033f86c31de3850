package org.hostel.complaints.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.hostel.complaints.photo.PhotoProblems.InvalidImage;
import org.hostel.complaints.photo.PhotoProblems.UnsupportedType;
import org.hostel.complaints.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded file into the two stored images. The type is judged by the bytes; the header's
 * dimensions are checked before any pixel is decoded, so a bomb costs nothing; EXIF orientation is
 * applied and nothing else of the metadata survives, because the pixels are re-encoded without it.
 * Decoding is the memory-hungry part, so only {@link PhotoSettings#concurrency()} images are
 * decoded at once; further uploads wait on disk, not in memory.
 */
@Component
class PhotoProcessor {

  private static final Logger log = LoggerFactory.getLogger(PhotoProcessor.class);

  private static final float JPEG_QUALITY = 0.85f;

  private final PhotoSettings settings;
  private final Semaphore turns;

  PhotoProcessor(PhotoSettings settings) {
    this.settings = settings;
    this.turns = new Semaphore(settings.concurrency(), true);
    // Plugins (TwelveMonkeys) may sit in a class loader ImageIO did not scan at its first use.
    ImageIO.scanForPlugins();
    ImageIO.setUseCache(false);
  }

  /**
   * The stored image and its thumbnail, written into the work folder.
   *
   * @param mimeType the type of both files: PNG when the image has transparency, JPEG otherwise
   * @param size the stored image's size in bytes
   * @param sha256 hex SHA-256 of the stored image
   */
  record Result(
      Path full,
      Path thumbnail,
      String mimeType,
      int width,
      int height,
      long size,
      String sha256) {}

  /**
   * What the checks that decode no pixel found: the type by its bytes and the header's dimensions.
   */
  record Checked(ImageFormat format, long width, long height) {}

  /**
   * The checks cheap enough to make while the client waits: size, type by the first bytes, and the
   * header's dimensions against the pixel limits, so a bomb is refused before anything is decoded.
   * A refusal is a {@link PhotoProblems.Refused}, or {@link
   * org.hostel.complaints.web.PayloadTooLarge} for a file over the size limit.
   */
  Checked check(Path original) throws IOException {
    long size = Files.size(original);
    if (size == 0) {
      throw InvalidImage.empty();
    }
    if (size > settings.maxFileSize().toBytes()) {
      throw PhotoProblems.tooLarge(settings.maxFileSize().toBytes());
    }
    ImageFormat format = ImageFormat.of(original);
    return read(original, format, (reader, checked) -> checked);
  }

  /**
   * Checks and processes {@code original}, refusing it as {@link #check} does, or as undecodable
   * when its pixels turn out damaged.
   */
  Result process(Path original, Path workDir) throws IOException {
    // Checked again: the file may not be the one checked at upload (a presigned PUT can follow).
    Checked checked = check(original);
    try {
      turns.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to process a photo", e);
    }
    try {
      BufferedImage decoded = read(original, checked.format(), this::decode);
      BufferedImage full =
          Pixels.orient(Pixels.fit(decoded, settings.maxEdge()), orientation(original));
      decoded = null;
      boolean alpha = full.getColorModel().hasAlpha();
      String mimeType = alpha ? "image/png" : "image/jpeg";
      Path fullFile = workDir.resolve("full");
      Path thumbFile = workDir.resolve("thumb");
      write(full, alpha, fullFile);
      write(Pixels.fit(full, settings.thumbnailEdge()), alpha, thumbFile);
      return new Result(
          fullFile,
          thumbFile,
          mimeType,
          full.getWidth(),
          full.getHeight(),
          Files.size(fullFile),
          sha256(fullFile));
    } finally {
      turns.release();
    }
  }

  private interface Reading<T> {
    T with(ImageReader reader, Checked header) throws IOException;
  }

  /** Opens the file with the format's reader and checks the header before {@code reading}. */
  private <T> T read(Path file, ImageFormat format, Reading<T> reading) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
    if (!readers.hasNext()) {
      throw UnsupportedType.ofContent();
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      reader.setInput(in, true, true);
      long width = reader.getWidth(0);
      long height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw InvalidImage.undecodable();
      }
      long limit =
          format == ImageFormat.JPEG && JpegFrames.progressive(file)
              ? Math.min(settings.maxPixels(), settings.maxProgressivePixels())
              : settings.maxPixels();
      if (width * height > limit) {
        throw InvalidImage.tooManyPixels(width, height, limit);
      }
      return reading.with(reader, new Checked(format, width, height));
    } catch (ApiException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Readers signal damaged data with all sorts of exceptions; to the client it is one thing.
      log.debug("Unreadable {} image", format, e);
      throw InvalidImage.undecodable();
    } finally {
      reader.dispose();
    }
  }

  private BufferedImage decode(ImageReader reader, Checked header) throws IOException {
    List<String> warnings = new ArrayList<>();
    ImageReadParam param = reader.getDefaultReadParam();
    int step = subsampling(Math.max(header.width(), header.height()), settings.maxEdge());
    if (step > 1) {
      param.setSourceSubsampling(step, step, 0, 0);
    }
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    BufferedImage image = reader.read(0, param);
    if (warnings.stream().anyMatch(PhotoProcessor::meansIncomplete)) {
      throw InvalidImage.undecodable();
    }
    return image;
  }

  /**
   * How many source rows and columns to skip per decoded one. Skipping while decoding is far
   * cheaper than decoding everything and scaling down (a 4032 px photo decodes straight to 2016
   * px), but steps in whole numbers, so a step that would leave much less than the stored size is
   * one smaller, and the rest is scaled smoothly.
   */
  static int subsampling(long longest, int edge) {
    int step = (int) Math.max(1, (longest + edge - 1) / edge);
    if (step > 1 && longest / step < edge * 3L / 4) {
      step--;
    }
    return step;
  }

  /** A truncated JPEG decodes "successfully" into grey rows; only a warning tells. */
  private static boolean meansIncomplete(String warning) {
    String text = warning.toLowerCase(Locale.ROOT);
    return text.contains("premature") || text.contains("truncat") || text.contains("end of file");
  }

  private static int orientation(Path file) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
      }
    } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
      // Unreadable metadata leaves the image as it is stored; the pixels decoded fine.
    }
    return 1;
  }

  private static void write(BufferedImage image, boolean png, Path target) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
    Files.deleteIfExists(target);
    try (ImageOutputStream out = new FileImageOutputStream(target.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (!png) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      // No metadata is handed over, so EXIF (GPS included), XMP and comments are gone.
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  private static String sha256(Path file) throws IOException {
    try (DigestInputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
