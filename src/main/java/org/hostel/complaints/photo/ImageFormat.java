package org.hostel.complaints.photo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hostel.complaints.photo.PhotoProblems.UnsupportedType;

/** The accepted image formats, each recognised by its first bytes, never by a declared type. */
enum ImageFormat {
  JPEG("jpeg"),
  PNG("png"),
  GIF("gif"),
  WEBP("webp");

  final String readerName;

  ImageFormat(String readerName) {
    this.readerName = readerName;
  }

  static ImageFormat sniff(byte[] head, int n) {
    if (n >= 3
        && (head[0] & 0xFF) == 0xFF
        && (head[1] & 0xFF) == 0xD8
        && (head[2] & 0xFF) == 0xFF) {
      return JPEG;
    }
    if (n >= 8
        && (head[0] & 0xFF) == 0x89
        && head[1] == 'P'
        && head[2] == 'N'
        && head[3] == 'G'
        && head[4] == 0x0D
        && head[5] == 0x0A
        && head[6] == 0x1A
        && head[7] == 0x0A) {
      return PNG;
    }
    if (n >= 6
        && head[0] == 'G'
        && head[1] == 'I'
        && head[2] == 'F'
        && head[3] == '8'
        && (head[4] == '7' || head[4] == '9')
        && head[5] == 'a') {
      return GIF;
    }
    if (n >= 12
        && head[0] == 'R'
        && head[1] == 'I'
        && head[2] == 'F'
        && head[3] == 'F'
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return WEBP;
    }
    throw UnsupportedType.ofContent();
  }

  static ImageFormat of(Path file) throws IOException {
    byte[] head = new byte[12];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    return sniff(head, n);
  }
}
