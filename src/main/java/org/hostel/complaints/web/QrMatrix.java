package org.hostel.complaints.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * The modules of a QR code (ZXing), drawn by the caller: the two-factor enrolment as SVG, room
 * posters as PDF and PNG.
 */
public final class QrMatrix {

  private QrMatrix() {}

  /**
   * Medium error correction and a quiet zone of four modules, which phone cameras read from a
   * printed poster as well as from a screen.
   *
   * @throws IllegalArgumentException when the text is too long for a QR code
   */
  public static BitMatrix of(String text) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Too long for a QR code", e);
    }
  }
}
