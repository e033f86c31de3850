package org.hostel.complaints.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Images made on the spot for tests and the benchmark; no binary fixtures. */
public final class TestImages {

  private TestImages() {}

  /**
   * A photo as a phone stores it when held upright: the sensor's landscape pixels plus EXIF
   * orientation 6 ("rotate 90° clockwise to show") and a GPS position. Shown upright it is
   * portrait, red in its top half, blue in its bottom half, with a green stripe along its right
   * edge.
   */
  public static byte[] phoneJpeg(int sensorWidth, int sensorHeight) {
    BufferedImage sensor = new BufferedImage(sensorWidth, sensorHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sensor.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, sensorWidth / 2, sensorHeight);
    g.setColor(Color.BLUE);
    g.fillRect(sensorWidth / 2, 0, sensorWidth - sensorWidth / 2, sensorHeight);
    // The sensor's top rows end up on the right-hand side once rotated.
    g.setColor(Color.GREEN);
    g.fillRect(0, 0, sensorWidth, Math.max(4, sensorHeight / 10));
    g.dispose();
    return withExif(jpeg(sensor, 0.9f), 6, 51.5007, -0.1246);
  }

  /**
   * A phone-sized, detailed photo (noise over gradients, so it compresses like a real one) with
   * EXIF orientation and GPS.
   */
  public static byte[] detailedPhoneJpeg(int width, int height, float quality, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[width];
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 255 / width + random.nextInt(64)) & 0xFF;
        int gr = (y * 255 / height + random.nextInt(64)) & 0xFF;
        int b = ((x + y) * 127 / (width + height) + random.nextInt(96)) & 0xFF;
        row[x] = (r << 16) | (gr << 8) | b;
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return withExif(jpeg(image, quality), 6, 48.8584, 2.2945);
  }

  public static byte[] jpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.DARK_GRAY);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return jpeg(image, 0.9f);
  }

  public static byte[] transparentPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0, 128, 0, 128));
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    return encode(image, "png");
  }

  public static byte[] gif(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.MAGENTA);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return encode(image, "gif");
  }

  /**
   * A decompression bomb: a valid PNG header announcing {@code side} × {@code side} pixels, with
   * only a few rows of data behind it. A few KB on the wire, gigabytes once decoded.
   */
  public static byte[] pngBomb(int side) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream header = new DataOutputStream(ihdr);
      header.writeInt(side);
      header.writeInt(side);
      header.writeByte(8); // bit depth
      header.writeByte(2); // truecolour
      header.writeByte(0);
      header.writeByte(0);
      header.writeByte(0);
      chunk(out, "IHDR", ihdr.toByteArray());
      Deflater deflater = new Deflater(9);
      deflater.setInput(new byte[(side * 3 + 1) * 4]);
      deflater.finish();
      byte[] buffer = new byte[64 * 1024];
      int n = deflater.deflate(buffer);
      byte[] idat = new byte[n];
      System.arraycopy(buffer, 0, idat, 0, n);
      chunk(out, "IDAT", idat);
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] svgWithScript() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
          <script>fetch('/api/v1/complaints').then(r => r.text()).then(alert)</script>
          <rect width="100" height="100" fill="red"/>
        </svg>
        """
        .getBytes(StandardCharsets.UTF_8);
  }

  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new AssertionError("not an image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean hasGps(byte[] bytes) {
    Metadata metadata = metadata(bytes);
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    return gps != null && gps.getGeoLocation() != null;
  }

  /** The EXIF orientation, or 1 when there is none. */
  public static int orientation(byte[] bytes) {
    ExifIFD0Directory exif = metadata(bytes).getFirstDirectoryOfType(ExifIFD0Directory.class);
    if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
      return 1;
    }
    return exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
  }

  private static Metadata metadata(byte[] bytes) {
    try {
      return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    } catch (Exception e) {
      throw new AssertionError("unreadable metadata", e);
    }
  }

  private static byte[] withExif(byte[] jpeg, int orientation, double latitude, double longitude) {
    try {
      TiffOutputSet exif = new TiffOutputSet();
      exif.getOrCreateRootDirectory()
          .add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
      exif.setGpsInDegrees(longitude, latitude);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException("cannot add EXIF", e);
    }
  }

  /**
   * A progressive JPEG of a smooth gradient: a few hundred KB even at 7000 × 7000, yet decoded at
   * full size whatever is asked of the decoder.
   */
  public static byte[] progressiveJpeg(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
    g.fillRect(0, 0, width, height);
    g.dispose();
    return jpeg(image, 0.75f, true);
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    return jpeg(image, quality, false);
  }

  static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream chunk = new DataOutputStream(out);
    chunk.writeInt(data.length);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    chunk.write(name);
    chunk.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    chunk.writeInt((int) crc.getValue());
  }
}
