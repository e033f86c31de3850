package org.hostel.complaints.photo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/** What is done to a decoded photo's pixels: scaling it down and turning it upright. */
final class Pixels {

  private Pixels() {}

  /**
   * Scales to fit {@code edge}, halving step by step for a smooth result without a slow area
   * filter. The result is an INT_RGB, INT_ARGB or 3BYTE_BGR image: the source itself when it
   * already is one and fits (a subsampled JPEG usually does), a fresh INT one otherwise.
   */
  static BufferedImage fit(BufferedImage source, int edge) {
    boolean alpha = source.getColorModel().hasAlpha();
    int width = source.getWidth();
    int height = source.getHeight();
    double scale = Math.min(1.0, (double) edge / Math.max(width, height));
    int targetWidth = Math.max(1, (int) Math.round(width * scale));
    int targetHeight = Math.max(1, (int) Math.round(height * scale));
    BufferedImage current = source;
    while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2, alpha);
    }
    if (!plainPixels(current)
        || current.getWidth() != targetWidth
        || current.getHeight() != targetHeight) {
      current = draw(current, targetWidth, targetHeight, alpha);
    }
    return current;
  }

  /** Types that orientation and the encoders handle without a conversion. */
  private static boolean plainPixels(BufferedImage image) {
    return image.getType() == BufferedImage.TYPE_INT_RGB
        || image.getType() == BufferedImage.TYPE_INT_ARGB
        || image.getType() == BufferedImage.TYPE_3BYTE_BGR;
  }

  private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha) {
    BufferedImage target =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /**
   * Applies an EXIF orientation (1–8) to an INT_RGB, INT_ARGB or 3BYTE_BGR image. The EXIF tag says
   * where the stored rows and columns belong on screen; each case maps a screen pixel back to its
   * stored one. Pixels are copied between the backing arrays, without a conversion.
   */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    BufferedImage target = new BufferedImage(dw, dh, image.getType());
    Object src = data(image);
    Object dst = data(target);
    int size = src instanceof byte[] ? 3 : 1;
    for (int dy = 0; dy < dh; dy++) {
      for (int dx = 0; dx < dw; dx++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> {
            sx = w - 1 - dx;
            sy = dy;
          }
          case 3 -> {
            sx = w - 1 - dx;
            sy = h - 1 - dy;
          }
          case 4 -> {
            sx = dx;
            sy = h - 1 - dy;
          }
          case 5 -> {
            sx = dy;
            sy = dx;
          }
          case 6 -> {
            sx = dy;
            sy = h - 1 - dx;
          }
          case 7 -> {
            sx = w - 1 - dy;
            sy = h - 1 - dx;
          }
          default -> {
            sx = w - 1 - dy;
            sy = dx;
          }
        }
        System.arraycopy(src, (sy * w + sx) * size, dst, (dy * dw + dx) * size, size);
      }
    }
    return target;
  }

  private static Object data(BufferedImage image) {
    DataBuffer buffer = image.getRaster().getDataBuffer();
    return switch (buffer) {
      case DataBufferInt ints -> ints.getData();
      case DataBufferByte bytes -> bytes.getData();
      default -> throw new IllegalArgumentException("unexpected image type " + image.getType());
    };
  }
}
