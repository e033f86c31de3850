package org.hostel.complaints.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** How the dashboard's page and files are served: policy, headers, versions, compression. */
@EmbeddedContext
class DashboardPageTests {

  Api api;

  @BeforeEach
  void setUp(Api api) {
    this.api = api;
  }

  Api.Response page() {
    return api.get("/dashboard/", null);
  }

  List<String> assets(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("(?:href|src)=\"(/dashboard/assets/[^\"]+)\"").matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void theRootAndTheBarePathRedirectToTheDashboard() {
    for (String path : List.of("/", "/dashboard")) {
      Api.Response response = api.get(path, null);
      assertThat(response.status()).isEqualTo(302);
      assertThat(response.header("Location").orElseThrow()).endsWith("/dashboard/");
    }
  }

  @Test
  void thePagePolicyAllowsNoInlineCodeBeyondTheImportMapItNamesByHash() throws Exception {
    Api.Response page = page();
    String policy = page.header("Content-Security-Policy").orElseThrow();
    Matcher importMap =
        Pattern.compile("<script type=\"importmap\">(.*?)</script>").matcher(page.body());

    assertThat(page.status()).isEqualTo(200);
    assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(policy)
        .contains("default-src 'self'", "style-src 'self'", "object-src 'none'")
        .contains("frame-ancestors 'none'", "base-uri 'none'")
        .contains("img-src 'self' data: blob: https://photos.example.org");
    assertThat(importMap.find()).isTrue();
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
    assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "'");
    assertThat(page.body().split("<script").length - 1)
        .as("the import map and the app module are the only scripts")
        .isEqualTo(2);
    assertThat(page.body()).doesNotContain(" style=").doesNotContain(" onclick=");
  }

  @Test
  void everyAnswerCarriesTheUsualSecurityHeaders() {
    for (Api.Response response :
        List.of(page(), api.get("/api/v1/categories", null), api.get("/api/v1/complaints", null))) {
      assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.header("X-Frame-Options")).contains("DENY");
      assertThat(response.header("Referrer-Policy")).contains("same-origin");
      assertThat(response.header("Content-Security-Policy").orElseThrow())
          .contains("frame-ancestors 'none'");
    }
  }

  @Test
  void assetsHaveContentVersionedNamesAndAreCachedForAYear() throws Exception {
    List<String> urls = assets(page().body());

    assertThat(urls).hasSizeGreaterThan(10);
    for (String url : urls) {
      Matcher name =
          Pattern.compile("/dashboard/assets/(\\w+)-([0-9a-f]{32})\\.(\\w+)").matcher(url);
      assertThat(name.matches()).as(url).isTrue();
      byte[] content =
          new ClassPathResource("dashboard/assets/" + name.group(1) + "." + name.group(3))
              .getContentAsByteArray();
      assertThat(name.group(2))
          .as("the version in the name is the MD5 of the content")
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
      Api.Response asset = api.get(url, null);
      assertThat(asset.status()).isEqualTo(200);
      assertThat(asset.header("Cache-Control").orElseThrow())
          .contains("max-age=31536000", "immutable");
    }
  }

  @Test
  void textIsServedCompressedAndThePageIsRevalidatedNotCached() {
    Api.Response page = api.call("GET", "/dashboard/").header("Accept-Encoding", "gzip").send();
    String script =
        assets(page().body()).stream().filter(u -> u.contains("/list-")).findFirst().orElseThrow();
    Api.Response module = api.call("GET", script).header("Accept-Encoding", "gzip").send();

    assertThat(page.header("Content-Encoding")).contains("gzip");
    assertThat(module.header("Content-Encoding")).contains("gzip");
    assertThat(page.header("Cache-Control").orElseThrow()).contains("no-cache");
    String etag = page.header("ETag").orElseThrow();
    Api.Response again = api.call("GET", "/dashboard/").header("If-None-Match", etag).send();
    assertThat(again.status()).isEqualTo(304);
  }

  @Test
  void unknownDashboardFilesAre404ProblemDocuments() {
    Api.Response missing = api.get("/dashboard/assets/nothing-here.js", null);

    assertThat(missing.status()).isEqualTo(404);
  }
}
