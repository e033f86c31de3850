package org.hostel.complaints.portal;

import static org.hostel.complaints.portal.Html.esc;

import java.util.List;
import java.util.Map;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.incident.ActiveIncidents;
import org.jspecify.annotations.Nullable;

/**
 * The report form as HTML. It works as a plain form POST; the script adds photos, the proof of work
 * and sending without leaving the page. Opened from a poster, hostel and room are locked.
 */
final class ReportPage {

  private ReportPage() {}

  /** The values to show again, the problems per field and one message for the whole form. */
  record State(
      Intake.Form values,
      Map<String, String> errors,
      @Nullable String message,
      boolean locked,
      String stamp,
      int proofBits,
      List<ActiveIncidents.Notice> incidents) {}

  static String body(
      State state, List<Reporting.Hostel> hostels, List<String> categories, String roomExample) {
    Intake.Form v = state.values();
    StringBuilder html = new StringBuilder();
    if (state.message() != null || !state.errors().isEmpty()) {
      html.append("<div class=\"alert\" role=\"alert\" id=\"form-alert\"><p>")
          .append(
              esc(state.message() == null ? "Please check the marked fields." : state.message()))
          .append("</p>");
      if (!state.errors().isEmpty()) {
        html.append("<ul>");
        state.errors().values().forEach(e -> html.append("<li>").append(esc(e)).append("</li>"));
        html.append("</ul>");
      }
      html.append("</div>");
    } else {
      html.append("<div class=\"alert\" role=\"alert\" id=\"form-alert\" hidden></div>");
    }
    html.append(
            "<p>Tell the hostel office what is broken. Fields marked * are needed.</p>\n"
                + "<form id=\"report\" method=\"post\" action=\"/report\" novalidate"
                + " data-proof-bits=\"")
        .append(state.proofBits())
        .append("\">\n");
    if (state.locked()) {
      String name =
          hostels.stream()
              .filter(h -> h.slug().equals(v.hostel()))
              .map(Reporting.Hostel::name)
              .findFirst()
              .orElse(String.valueOf(v.hostel()));
      html.append("<p class=\"locked\" id=\"place\">")
          .append(esc(name))
          .append(", room ")
          .append(esc(v.roomNumber()))
          .append(" (from the poster)</p>")
          .append(hidden("hostel", v.hostel()))
          .append(hidden("room_number", v.roomNumber()))
          .append(hidden("poster", v.poster()));
    } else {
      html.append(label("hostel", "Hostel *", state))
          .append("<select id=\"hostel\" name=\"hostel\" required")
          .append(described("hostel", state))
          .append("><option value=\"\">Choose…</option>");
      for (Reporting.Hostel h : hostels) {
        html.append(option(h.slug(), h.name(), h.slug().equals(v.hostel())));
      }
      html.append("</select>").append(error("hostel", state));
      html.append(label("room_number", "Room * (e.g. " + roomExample + ")", state))
          .append(
              input(
                  "room_number",
                  "text",
                  v.roomNumber(),
                  state,
                  " required autocomplete=\"off\" maxlength=\"16\""))
          .append(error("room_number", state));
    }
    html.append(label("category", "What kind of problem *", state))
        .append("<select id=\"category\" name=\"category\" required")
        .append(described("category", state))
        .append("><option value=\"\">Choose…</option>");
    for (String c : categories) {
      html.append(option(c, c, c.equals(v.category())));
    }
    html.append("</select>").append(error("category", state));
    html.append(incidents(state.incidents()));
    html.append(label("description", "What is wrong * (10 to 2000 characters)", state))
        .append(
            "<textarea id=\"description\" name=\"description\" rows=\"5\" required"
                + " minlength=\"10\" maxlength=\"2000\"")
        .append(described("description", state))
        .append(">")
        .append(v.description() == null ? "" : esc(v.description()))
        .append("</textarea>")
        .append(error("description", state));
    html.append(label("severity", "How urgent *", state))
        .append("<select id=\"severity\" name=\"severity\" required")
        .append(described("severity", state))
        .append(">");
    String severity = v.severity() == null ? "medium" : v.severity();
    for (String s : List.of("low", "medium", "high")) {
      html.append(option(s, s, s.equals(severity)));
    }
    html.append("</select>").append(error("severity", state));
    html.append("<div id=\"photos\" hidden>")
        .append("<label for=\"photo-input\">Photos (up to 5)</label>")
        .append("<input id=\"photo-input\" type=\"file\" accept=\"image/*\" multiple>")
        .append("<p class=\"hint\" id=\"photo-note\" aria-live=\"polite\"></p></div>\n");
    html.append(label("name", "Your name (optional)", state))
        .append(input("name", "text", v.name(), state, " maxlength=\"80\" autocomplete=\"name\""))
        .append(error("name", state));
    html.append(label("email", "E-mail for updates (optional; you confirm it first)", state))
        .append(
            input("email", "email", v.email(), state, " maxlength=\"254\" autocomplete=\"email\""))
        .append(error("email", state));
    html.append("<div class=\"hp\"><label for=\"website\">Leave this field empty</label>")
        .append("<input id=\"website\" name=\"website\" type=\"text\" tabindex=\"-1\"")
        .append(" autocomplete=\"off\"></div>\n")
        .append(hidden("stamp", state.stamp()))
        .append("<input type=\"hidden\" name=\"proof\" id=\"proof\" value=\"\">")
        .append(error("poster", state))
        .append("<button type=\"submit\" id=\"send\">Send report</button>\n</form>");
    return html.toString();
  }

  /** The hostel's known problems; the script refills the box when another hostel is chosen. */
  private static String incidents(List<ActiveIncidents.Notice> incidents) {
    StringBuilder html =
        new StringBuilder("<div class=\"notice\" id=\"incidents\" aria-live=\"polite\"");
    if (incidents.isEmpty()) {
      return html.append(" hidden></div>").toString();
    }
    html.append("><p>Known problems here. If your report is about one of these, you do not need")
        .append(" to report it again.</p><ul>");
    for (ActiveIncidents.Notice n : incidents) {
      html.append("<li><strong>")
          .append(esc(n.title()))
          .append("</strong>: ")
          .append(esc(n.message()))
          .append(n.eta() == null ? "" : " Expected to be fixed by " + esc(n.etaText()) + ".")
          .append("</li>");
    }
    return html.append("</ul></div>").toString();
  }

  private static String label(String field, String text, State state) {
    return "<label for=\"" + field + "\">" + esc(text) + "</label>";
  }

  private static String input(
      String field, String type, @Nullable String value, State state, String extra) {
    return "<input id=\""
        + field
        + "\" name=\""
        + field
        + "\" type=\""
        + type
        + "\" value=\""
        + (value == null ? "" : esc(value))
        + "\""
        + extra
        + described(field, state)
        + ">";
  }

  private static String described(String field, State state) {
    return state.errors().containsKey(field)
        ? " aria-invalid=\"true\" aria-describedby=\"err-" + field + "\""
        : "";
  }

  private static String error(String field, State state) {
    String e = state.errors().get(field);
    return e == null ? "" : "<p class=\"error\" id=\"err-" + field + "\">" + esc(e) + "</p>";
  }

  private static String option(String value, String text, boolean selected) {
    return "<option value=\""
        + esc(value)
        + "\""
        + (selected ? " selected" : "")
        + ">"
        + esc(text)
        + "</option>";
  }

  private static String hidden(String name, @Nullable String value) {
    return "<input type=\"hidden\" name=\""
        + name
        + "\" value=\""
        + (value == null ? "" : esc(value))
        + "\">";
  }
}
