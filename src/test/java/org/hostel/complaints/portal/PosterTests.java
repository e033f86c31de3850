package org.hostel.complaints.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Posters: the QR codes in the rendered PDF and PNG decode to working, signed report links. */
@EmbeddedContext
class PosterTests {

  @Autowired PortalKeys keys;

  @Test
  void theCodesOnARenderedPdfPageDecodeToSignedLinksThatOpenTheLockedForm(
      Api api, Fixtures fixtures) throws Exception {
    byte[] pdf =
        download(api, "/api/v1/posters.pdf?hostel=block-a&room=B101-B107", fixtures.adminToken());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
      Result[] codes =
          new QRCodeMultiReader()
              .decodeMultiple(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                  Map.of(DecodeHintType.TRY_HARDER, true));
      List<String> urls = Arrays.stream(codes).map(Result::getText).sorted().toList();
      assertThat(urls).hasSize(6);
      for (int i = 0; i < 6; i++) {
        String room = "B10" + (i + 1);
        assertThat(urls.get(i))
            .isEqualTo(
                api.base()
                    + "/report?h=block-a&r="
                    + room
                    + "&k="
                    + keys.posterCode("block-a", room));
      }
      String path = urls.getFirst().substring(api.base().length());
      Api.Response form = api.get(path, null);
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body()).contains("id=\"place\"").contains("room B101");
    }
  }

  @Test
  void oneRoomAsPngDecodesAndOnlyAdminsMakePosters(Api api, Fixtures fixtures) throws Exception {
    byte[] png =
        download(api, "/api/v1/posters.png?hostel=block-a&room=C204", fixtures.adminToken());
    assertThat(decode(png)).endsWith("&r=C204&k=" + keys.posterCode("block-a", "C204"));

    assertThat(
            api.get("/api/v1/posters.pdf?hostel=block-a&room=B101", fixtures.porter().token())
                .status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/posters.pdf?hostel=block-a&room=B101", null).status())
        .isEqualTo(401);
    assertThat(api.get("/api/v1/posters.pdf?hostel=block-a", fixtures.adminToken()).status())
        .isEqualTo(422);
    assertThat(
            api.get("/api/v1/posters.png?hostel=block-a&room=B101-B102", fixtures.adminToken())
                .status())
        .isEqualTo(422);
    assertThat(
            api.get("/api/v1/posters.pdf?hostel=nowhere&room=B101", fixtures.adminToken()).status())
        .isEqualTo(422);
  }

  @Test
  void roomRangesKeepTheirWidthAndAreBounded() {
    assertThat(PosterController.rooms("a098-a101, B201,a099"))
        .containsExactly("A098", "A099", "A100", "A101", "B201");
  }

  /** The text of the one QR code in a PNG image. */
  static String decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
            Map.of(DecodeHintType.TRY_HARDER, true))
        .getText();
  }

  static byte[] download(Api api, String path, String token)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    return response.body();
  }
}
