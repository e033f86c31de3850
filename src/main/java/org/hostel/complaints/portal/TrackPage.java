package org.hostel.complaints.portal;

import static org.hostel.complaints.portal.Html.esc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The tracking page as HTML: plain forms, so it works without JavaScript. */
final class TrackPage {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private TrackPage() {}

  static String body(Tracking.View v, String token, @Nullable String notice) {
    String action = "/track/" + esc(token);
    StringBuilder html = new StringBuilder();
    if (notice != null) {
      html.append("<p class=\"notice\" role=\"status\">").append(esc(notice)).append("</p>");
    }
    html.append("<p>Keep this page's address to yourself: anyone with it can follow and answer")
        .append(" for this report.</p>\n<dl>")
        .append(item("Reference", v.reference(), "reference"))
        .append(item("Status", v.status().value().replace('_', ' '), "status"))
        .append(item("Room", v.roomNumber() + " (" + v.hostel() + ")", "room"))
        .append(item("Problem", v.category() + ", " + v.severity(), "category"))
        .append(item("Reported", WHEN.format(v.createdAt()), "reported"))
        .append("</dl>\n<h2>What you wrote</h2><p class=\"text\">")
        .append(esc(v.description()))
        .append("</p>\n");
    if (v.canConfirm()) {
      html.append("<h2>Is it fixed?</h2><form method=\"post\" action=\"")
          .append(action)
          .append("/confirmation\" class=\"buttons\">")
          .append("<button name=\"fixed\" value=\"true\" id=\"fixed\">Fixed</button>")
          .append("<button name=\"fixed\" value=\"false\" id=\"not-fixed\">Not fixed</button>")
          .append("</form>\n");
    }
    if (v.canRate()) {
      html.append("<h2>How was it handled?</h2><form method=\"post\" action=\"")
          .append(action)
          .append("/rating\"><fieldset><legend>Stars, 1 (bad) to 5 (very good)</legend>");
      for (int i = 1; i <= 5; i++) {
        html.append("<label class=\"star\"><input type=\"radio\" name=\"stars\" value=\"")
            .append(i)
            .append("\" id=\"stars-")
            .append(i)
            .append("\"")
            .append(i == 5 ? " checked" : "")
            .append("> ")
            .append(i)
            .append("</label>");
      }
      html.append("</fieldset><button id=\"rate\">Send rating</button></form>\n");
    }
    if (v.rating() != null) {
      html.append("<p id=\"rating\">You rated it ").append(v.rating()).append(" of 5.</p>");
    }
    html.append("<h2>History</h2><ol class=\"history\">");
    for (Tracking.Step step : v.history()) {
      html.append("<li><time>")
          .append(esc(WHEN.format(step.at())))
          .append("</time> ")
          .append(esc(describe(step)))
          .append(step.by() == null ? "" : " (" + esc(step.by()) + ")")
          .append("</li>");
    }
    html.append("</ol>");
    if (!v.comments().isEmpty()) {
      html.append("<h2>Comments</h2><ul class=\"comments\">");
      v.comments()
          .forEach(
              c ->
                  html.append("<li><time>")
                      .append(esc(WHEN.format(c.at())))
                      .append("</time> ")
                      .append(esc(c.text()))
                      .append("</li>"));
      html.append("</ul>");
    }
    return html.toString();
  }

  private static String item(String term, String value, String id) {
    return "<dt>" + esc(term) + "</dt><dd id=\"" + id + "\">" + esc(value) + "</dd>";
  }

  private static String describe(Tracking.Step step) {
    String to = step.to() == null ? "" : step.to().replace('_', ' ');
    return switch (step.action()) {
      case "created" -> "Reported";
      case "status" -> "Now " + to;
      case "reporter" ->
          switch (to) {
            case "confirmed" -> "You said it is fixed";
            case "reopened" -> "You said it is not fixed";
            default -> "Closed without an answer";
          };
      case "photo_added" -> "Photo added";
      case "photo_removed" -> "Photo removed";
      default -> "Updated";
    };
  }
}
