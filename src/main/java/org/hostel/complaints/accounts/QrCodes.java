package org.hostel.complaints.accounts;

import com.google.zxing.common.BitMatrix;
import org.hostel.complaints.web.QrMatrix;

/** QR codes drawn on the server (ZXing) as SVG, so the secret never goes to a third party. */
final class QrCodes {

  private QrCodes() {}

  static String svg(String text) {
    BitMatrix matrix = QrMatrix.of(text);
    int w = matrix.getWidth();
    int h = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + w
        + " "
        + h
        + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code for the"
        + " authenticator app\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
        + path
        + "\" fill=\"#000\"/></svg>";
  }
}
