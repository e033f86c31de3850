package org.hostel.complaints.photo;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What kind of frame a JPEG holds, read from its markers without decoding anything. A progressive
 * frame cannot be decoded at a reduced size: every coefficient of the full image is kept in memory
 * across its scans and each scan passes over all of them, so a small file of a large progressive
 * image costs seconds of CPU and hundreds of MB, however far it is subsampled afterwards.
 */
final class JpegFrames {

  private JpegFrames() {}

  /** Whether the first frame is progressive (SOF2, SOF6, SOF10, SOF14); false if unreadable. */
  static boolean progressive(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
        return false;
      }
      // Markers up to the frame header are few and short (APPn, DQT, DHT...): bounded work.
      for (int segments = 0; segments < 1024; segments++) {
        int marker = nextMarker(in);
        if (marker == 0xD9 || marker == 0xDA) {
          return false;
        }
        if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
          continue;
        }
        if (isFrame(marker)) {
          return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
        }
        int length = in.readUnsignedShort();
        if (length < 2) {
          return false;
        }
        in.skipNBytes(length - 2);
      }
      return false;
    } catch (EOFException truncated) {
      return false;
    }
  }

  private static int nextMarker(DataInputStream in) throws IOException {
    int b = in.readUnsignedByte();
    while (b != 0xFF) {
      b = in.readUnsignedByte();
    }
    while (b == 0xFF) {
      b = in.readUnsignedByte();
    }
    return b;
  }

  private static boolean isFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
