package org.hostel.complaints.telegram;

import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ReporterUpdate;
import org.springframework.context.event.EventListener;

/**
 * Passes a {@link ReporterUpdate} to a reporter who came through the bot, in the same transaction.
 */
class ReporterUpdates {

  private final Bot bot;
  private final Texts texts;

  ReporterUpdates(Bot bot, Texts texts) {
    this.bot = bot;
    this.texts = texts;
  }

  @EventListener
  void update(ReporterUpdate update) {
    Complaint c = update.complaint();
    if (c.telegramUserId() == null) {
      return;
    }
    Turn notice = new Turn(Long.parseLong(c.telegramUserId()), c.telegramUserId(), c.updatedAt());
    notice.say(texts.get("notice.update", c.reference(), update.text()));
    notice.dedupKey = "telegram:" + update.dedupKey();
    bot.store(notice);
  }
}
