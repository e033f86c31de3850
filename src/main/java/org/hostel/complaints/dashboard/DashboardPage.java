package org.hostel.complaints.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTML page of the dashboard. It is put together once: every module's content-versioned URL
 * goes into an import map, so modules import each other by their plain names and still get the
 * current version. The import map is the only inline script; the page's Content-Security-Policy
 * allows exactly it by its hash, and nothing else inline.
 */
@Controller
class DashboardPage {

  private final ResourceUrlProvider urls;
  private final JsonMapper json;
  private final DashboardSettings settings;
  private volatile @Nullable Rendered rendered;

  DashboardPage(ResourceUrlProvider urls, JsonMapper json, DashboardSettings settings) {
    this.urls = urls;
    this.json = json;
    this.settings = settings;
  }

  private record Rendered(String html, String etag, String policy) {}

  @Operation(
      summary = "The staff dashboard",
      description = "The dashboard's HTML page (the browser UI); not an API call.")
  @SecurityRequirements
  @GetMapping("/dashboard/")
  ResponseEntity<String> page(WebRequest request) {
    Rendered page = rendered();
    if (request.checkNotModified(page.etag())) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(page.etag())
          .header("Content-Security-Policy", page.policy())
          .build();
    }
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .eTag(page.etag())
        .header("Content-Security-Policy", page.policy())
        .body(page.html());
  }

  private Rendered rendered() {
    Rendered page = rendered;
    if (page == null) {
      page = render();
      rendered = page;
    }
    return page;
  }

  private Rendered render() {
    try {
      Resource[] modules =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:/dashboard/assets/*.js");
      Arrays.sort(modules, Comparator.comparing(r -> String.valueOf(r.getFilename())));
      Map<String, String> imports = new LinkedHashMap<>();
      List<String> preloads = new ArrayList<>();
      for (Resource module : modules) {
        String plain = DashboardWebConfig.ASSETS + module.getFilename();
        String versioned = versioned(plain);
        imports.put(plain, versioned);
        preloads.add("<link rel=\"modulepreload\" href=\"" + versioned + "\">");
      }
      String importMap = json.writeValueAsString(Map.of("imports", imports));
      String template =
          new ClassPathResource("dashboard/index.html").getContentAsString(StandardCharsets.UTF_8);
      String html =
          template
              .replace("{{importmap}}", importMap)
              .replace("{{preloads}}", String.join("\n", preloads))
              .replace("{{css}}", versioned(DashboardWebConfig.ASSETS + "dashboard.css"))
              .replace("{{icon}}", versioned(DashboardWebConfig.ASSETS + "icon.svg"))
              .replace("{{app}}", versioned(DashboardWebConfig.ASSETS + "app.js"));
      String images = String.join(" ", settings.imageOrigins());
      String policy =
          "default-src 'self'; script-src 'self' 'sha256-"
              + sha256(importMap)
              + "'; style-src 'self'; img-src 'self' data: blob:"
              + (images.isEmpty() ? "" : " " + images)
              + "; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
              + " frame-ancestors 'none'";
      // Weak, because Tomcat does not compress answers with a strong ETag.
      return new Rendered(html, "W/\"" + sha256(html + policy).substring(0, 20) + "\"", policy);
    } catch (IOException e) {
      throw new UncheckedIOException("The dashboard's files are missing from the build", e);
    }
  }

  private String versioned(String path) {
    String url = urls.getForLookupPath(path);
    if (url == null) {
      throw new IllegalStateException("No dashboard asset " + path);
    }
    return url;
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
