package org.hostel.complaints.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.complaint.Severity;
import org.hostel.complaints.telegram.Reply.Button;

/**
 * The bot's inline buttons. A report's buttons carry {@code r:<conversation>:<action>:<argument>},
 * so a button of an ended conversation is recognised and refused; list buttons carry {@code
 * m:<page>} and {@code v:<number>}. Every value fits Telegram's 64 bytes.
 */
class Keyboards {

  private final Reporting reporting;
  private final Texts texts;

  Keyboards(Reporting reporting, Texts texts) {
    this.reporting = reporting;
    this.texts = texts;
  }

  List<List<Button>> hostels(Conversation c) {
    List<Button> all = new ArrayList<>();
    List<Reporting.Hostel> hostels = reporting.hostels();
    for (int i = 0; i < hostels.size(); i++) {
      all.add(report(c, hostels.get(i).name(), "h", Integer.toString(i)));
    }
    return withCancel(c, rows(all, 2));
  }

  List<List<Button>> categories(Conversation c) {
    List<Button> all = new ArrayList<>();
    List<String> categories = reporting.categories();
    for (int i = 0; i < categories.size(); i++) {
      all.add(report(c, label(categories.get(i)), "c", Integer.toString(i)));
    }
    return withCancel(c, rows(all, 2));
  }

  List<List<Button>> severities(Conversation c) {
    List<Button> all = new ArrayList<>();
    Severity[] values = Severity.values();
    for (int i = 0; i < values.length; i++) {
      all.add(report(c, texts.get("severity." + values[i].value()), "s", Integer.toString(i)));
    }
    return withCancel(c, rows(all, 3));
  }

  List<List<Button>> photos(Conversation c) {
    Button next =
        c.draft().photos().isEmpty()
            ? report(c, texts.get("button.skip"), "k", "")
            : report(c, texts.get("button.done"), "d", "");
    return withCancel(c, List.of(List.of(next)));
  }

  List<List<Button>> summary(Conversation c) {
    return List.of(
        List.of(report(c, texts.get("button.submit"), "S", "")),
        List.of(report(c, texts.get("button.edit"), "E", ""), cancel(c)));
  }

  List<List<Button>> editFields(Conversation c) {
    List<Button> all = new ArrayList<>();
    for (String field : ReportFlow.editFields()) {
      all.add(report(c, texts.get("field." + field), "e", field));
    }
    return withCancel(c, rows(all, 3));
  }

  List<List<Button>> cancelOnly(Conversation c) {
    return List.of(List.of(cancel(c)));
  }

  /** A page of a reporter's complaints: one button each, then the page turners. */
  List<List<Button>> page(List<Complaint> items, int page, long pages) {
    List<Button> each = new ArrayList<>();
    for (Complaint c : items) {
      each.add(new Button(c.reference(), "v:" + c.number()));
    }
    List<List<Button>> rows = new ArrayList<>(rows(each, 3));
    List<Button> turn = new ArrayList<>();
    if (page > 1) {
      turn.add(new Button(texts.get("button.previous"), "m:" + (page - 1)));
    }
    if (page < pages) {
      turn.add(new Button(texts.get("button.next"), "m:" + (page + 1)));
    }
    if (!turn.isEmpty()) {
      rows.add(turn);
    }
    return rows;
  }

  static String label(String category) {
    return category.isEmpty()
        ? category
        : category.substring(0, 1).toUpperCase(Locale.ROOT) + category.substring(1);
  }

  private Button cancel(Conversation c) {
    return report(c, texts.get("button.cancel"), "x", "");
  }

  private static Button report(Conversation c, String text, String action, String arg) {
    return new Button(text, "r:" + c.id() + ":" + action + ":" + arg);
  }

  private List<List<Button>> withCancel(Conversation c, List<List<Button>> rows) {
    List<List<Button>> all = new ArrayList<>(rows);
    all.add(List.of(cancel(c)));
    return all;
  }

  private static List<List<Button>> rows(List<Button> buttons, int perRow) {
    List<List<Button>> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += perRow) {
      rows.add(List.copyOf(buttons.subList(i, Math.min(buttons.size(), i + perRow))));
    }
    return rows;
  }
}
