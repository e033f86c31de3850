package org.hostel.complaints.telegram;

import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.Status;
import org.hostel.complaints.complaint.StatusChanged;
import org.springframework.context.event.EventListener;

/**
 * Tells the reporter in Telegram when their complaint is started and when it is resolved. Stored in
 * the outbox in the transaction of the change (a plain listener runs inside it), so the notice goes
 * out after the commit and never for a change that rolled back.
 */
class ReporterNotices {

  private final Bot bot;
  private final Texts texts;

  ReporterNotices(Bot bot, Texts texts) {
    this.bot = bot;
    this.texts = texts;
  }

  @EventListener
  void statusChanged(StatusChanged event) {
    Complaint c = event.complaint();
    if (c.telegramUserId() == null) {
      return;
    }
    long chat = Long.parseLong(c.telegramUserId());
    Turn notice = new Turn(chat, c.telegramUserId(), c.updatedAt());
    if (event.oldStatus() == Status.REPORTED && event.newStatus() == Status.IN_PROGRESS) {
      notice.say(texts.get("notice.started", c.reference(), c.roomNumber()));
    } else if (event.newStatus() == Status.RESOLVED) {
      notice.say(
          texts.get("notice.resolved", c.reference(), c.roomNumber()),
          Confirmations.buttons(c, texts));
    } else {
      return;
    }
    notice.dedupKey = "telegram:status:" + c.id() + ":" + c.version();
    bot.store(notice);
  }
}
