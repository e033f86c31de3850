package org.hostel.complaints.portal;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.hostel.complaints.web.QrMatrix;

/**
 * Printable room posters: each a QR code that opens the report page with hostel and room locked,
 * and the hostel and room printed under it. A4 pages with six posters (two columns, three rows),
 * the codes drawn as vector squares so they print sharply at any size; or one poster as a PNG. Only
 * PDFBox's own standard fonts are used, so no fonts need to be installed.
 */
final class Posters {

  /** One poster: what is printed and the link its code holds. */
  record Poster(String hostelName, String room, String url) {}

  private static final float MM = 72f / 25.4f;
  private static final int COLUMNS = 2;
  private static final int ROWS = 3;
  private static final String TITLE = "Something broken here?";
  private static final String LINE = "Scan to report it to the hostel office";

  private Posters() {}

  static void pdf(List<Poster> posters, OutputStream out) {
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    try (PDDocument document = new PDDocument()) {
      PDRectangle a4 = PDRectangle.A4;
      float margin = 10 * MM;
      float cellW = (a4.getWidth() - 2 * margin) / COLUMNS;
      float cellH = (a4.getHeight() - 2 * margin) / ROWS;
      for (int first = 0; first < posters.size(); first += COLUMNS * ROWS) {
        PDPage page = new PDPage(a4);
        document.addPage(page);
        try (PDPageContentStream draw = new PDPageContentStream(document, page)) {
          for (int i = 0; i < COLUMNS * ROWS && first + i < posters.size(); i++) {
            Poster p = posters.get(first + i);
            float x = margin + (i % COLUMNS) * cellW;
            float top = a4.getHeight() - margin - (i / COLUMNS) * cellH;
            cell(draw, p, x, top, cellW, cellH, bold, plain);
          }
        }
      }
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void cell(
      PDPageContentStream draw,
      Poster p,
      float x,
      float top,
      float w,
      float h,
      PDType1Font bold,
      PDType1Font plain)
      throws IOException {
    draw.setStrokingColor(0.75f, 0.75f, 0.75f);
    draw.setLineDashPattern(new float[] {3, 3}, 0);
    draw.addRect(x, top - h, w, h);
    draw.stroke();
    draw.setLineDashPattern(new float[] {}, 0);
    draw.setNonStrokingColor(0f, 0f, 0f);
    centred(draw, bold, 15, TITLE, x, w, top - 9 * MM);
    centred(draw, plain, 10, LINE, x, w, top - 14 * MM);
    BitMatrix code = qr(p.url());
    float side = Math.min(w, h) - 36 * MM;
    float module = side / code.getWidth();
    float left = x + (w - side) / 2;
    float bottom = top - 17 * MM - side;
    for (int row = 0; row < code.getHeight(); row++) {
      int run = -1;
      for (int col = 0; col <= code.getWidth(); col++) {
        boolean dark = col < code.getWidth() && code.get(col, row);
        if (dark && run < 0) {
          run = col;
        } else if (!dark && run >= 0) {
          draw.addRect(
              left + run * module,
              bottom + (code.getHeight() - 1 - row) * module,
              (col - run) * module,
              module);
          run = -1;
        }
      }
    }
    draw.fill();
    centred(
        draw, bold, 14, latin(p.hostelName()) + ", room " + latin(p.room()), x, w, bottom - 7 * MM);
  }

  private static void centred(
      PDPageContentStream draw,
      PDType1Font font,
      float size,
      String text,
      float x,
      float w,
      float y)
      throws IOException {
    float width = font.getStringWidth(text) / 1000 * size;
    draw.beginText();
    draw.setFont(font, size);
    draw.newLineAtOffset(x + (w - width) / 2, y);
    draw.showText(text);
    draw.endText();
  }

  /** The standard PDF fonts know Latin-1 only; other letters print as '?'. */
  private static String latin(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> out.append(c >= 0x20 && c <= 0xFF && c != 0x7F ? (char) c : '?'));
    return out.toString();
  }

  /** One poster as a PNG image: the PDF cell, rendered at 200 dpi. */
  static byte[] png(Poster p) {
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDRectangle a4 = PDRectangle.A4;
    float w = (a4.getWidth() - 20 * MM) / COLUMNS;
    float h = (a4.getHeight() - 20 * MM) / ROWS;
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(w, h));
      document.addPage(page);
      try (PDPageContentStream draw = new PDPageContentStream(document, page)) {
        cell(draw, p, 0, h, w, h, bold, plain);
      }
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BitMatrix qr(String url) {
    return QrMatrix.of(url);
  }
}
