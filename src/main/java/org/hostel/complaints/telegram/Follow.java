package org.hostel.complaints.telegram;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.Reporting;
import org.jspecify.annotations.Nullable;

/**
 * Following one's complaints: {@code /status C-1042} and {@code /mycomplaints}, paged with buttons
 * that edit the list in place. A resident sees only the complaints they reported.
 */
class Follow {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneOffset.UTC);

  private final Reporting reporting;
  private final Keyboards keys;
  private final Texts texts;
  private final int pageSize;

  Follow(Reporting reporting, Keyboards keys, Texts texts, int pageSize) {
    this.reporting = reporting;
    this.keys = keys;
    this.texts = texts;
    this.pageSize = pageSize;
  }

  void status(Turn turn, String reference) {
    if (reference.isBlank()) {
      turn.say(texts.get("status.usage"));
      return;
    }
    Optional<Complaint> found = reporting.ofReporter(turn.userId, reference);
    if (found.isEmpty()) {
      turn.say(texts.get("status.not.found", ReportFlow.shorten(reference)));
      return;
    }
    Complaint c = found.get();
    turn.say(
        texts.get(
            "status.detail",
            c.reference(),
            texts.get("status." + c.status().value()),
            c.roomNumber(),
            Keyboards.label(c.category()),
            texts.get("severity." + c.severity().value()),
            DAY.format(c.createdAt()),
            c.description()));
  }

  /**
   * Page {@code page} of the resident's complaints, as a new message or in place of {@code edit}.
   */
  void list(Turn turn, int page, @Nullable Integer edit) {
    Reporting.Page found = reporting.reportedBy(turn.userId, page, pageSize);
    long pages = Math.max(1, (found.total() + pageSize - 1) / pageSize);
    if (found.total() == 0) {
      turn.say(texts.get("mine.none"));
      return;
    }
    StringBuilder text =
        new StringBuilder(
            texts.get(
                "mine.header",
                String.valueOf(page),
                String.valueOf(pages),
                String.valueOf(found.total())));
    for (Complaint c : found.items()) {
      text.append('\n')
          .append(
              texts.get(
                  "mine.line",
                  c.reference(),
                  texts.get("status." + c.status().value()),
                  c.roomNumber(),
                  Keyboards.label(c.category())));
    }
    var buttons = keys.page(found.items(), page, pages);
    if (edit == null) {
      turn.say(text.toString(), buttons);
    } else {
      turn.edit(edit, text.toString(), buttons);
    }
  }
}
