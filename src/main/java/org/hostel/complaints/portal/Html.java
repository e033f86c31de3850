package org.hostel.complaints.portal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.HtmlUtils;

/**
 * The frame of every public page: small, no inline script or style (the CSP allows none), the
 * stylesheet and script by content-versioned URLs. Every value goes through {@link #esc}.
 */
final class Html {

  private Html() {}

  static String esc(Object value) {
    return HtmlUtils.htmlEscape(String.valueOf(value), "UTF-8");
  }

  static String page(
      ResourceUrlProvider urls, String title, String body, boolean script, boolean noindex) {
    String css = asset(urls, "portal.css");
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + (noindex ? "<meta name=\"robots\" content=\"noindex, nofollow\">" : "")
        + "<title>"
        + esc(title)
        + "</title><link rel=\"stylesheet\" href=\""
        + css
        + "\">"
        + (script
            ? "<script type=\"module\" src=\"" + asset(urls, "report.js") + "\"></script>"
            : "")
        + "</head>\n<body><main>\n<h1>"
        + esc(title)
        + "</h1>\n"
        + body
        + "\n</main></body></html>\n";
  }

  static ResponseEntity<String> answer(HttpStatusCode status, String html, boolean noindex) {
    var answer =
        ResponseEntity.status(status)
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .cacheControl(CacheControl.noStore());
    if (noindex) {
      answer.header("X-Robots-Tag", "noindex, nofollow");
    }
    return answer.body(html);
  }

  private static String asset(ResourceUrlProvider urls, String name) {
    String url = urls.getForLookupPath(PortalConfig.ASSETS + name);
    return url == null ? PortalConfig.ASSETS + name : url;
  }
}
