package org.hostel.complaints.portal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.testing.Api;

/**
 * Public reports as the page sends them, with a stamp made as if the page was opened a while ago.
 */
final class PortalForms {

  private PortalForms() {}

  /** A room other tests rarely use; lists are narrowed by {@link #marker} instead. */
  static String room() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "" + (char) ('B' + random.nextInt(7)) + random.nextInt(100, 1000);
  }

  static Map<String, Object> report(PortalKeys keys, String room) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("hostel", "block-a");
    body.put("room_number", room);
    body.put("category", "plumbing");
    body.put(
        "description",
        "The shower has no hot water, note m" + ThreadLocalRandom.current().nextLong(1L << 40));
    body.put("severity", "medium");
    body.put("stamp", keys.stamp(System.currentTimeMillis() - Duration.ofSeconds(30).toMillis()));
    body.put("website", "");
    return body;
  }

  /** The word in the report's description that no other report has, for {@code q}. */
  static String marker(Map<String, Object> body) {
    String text = String.valueOf(body.get("description"));
    return text.substring(text.lastIndexOf(' ') + 1);
  }

  /** The body as {@code application/x-www-form-urlencoded}. */
  static String encoded(Map<String, Object> body) {
    StringBuilder out = new StringBuilder();
    body.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(
                    java.net.URLEncoder.encode(
                        String.valueOf(v), java.nio.charset.StandardCharsets.UTF_8)));
    return out.toString();
  }

  /** Submits through the JSON API and answers the tracking token. */
  static String submit(Api api, Map<String, Object> body) {
    Api.Response created = api.post("/api/v1/public/complaints", null, body);
    if (created.status() != 201) {
      throw new AssertionError("public submission failed: " + created);
    }
    String url = created.json().get("tracking_url").asString();
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
