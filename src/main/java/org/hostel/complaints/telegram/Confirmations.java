package org.hostel.complaints.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.complaint.Status;
import org.hostel.complaints.telegram.Reply.Button;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Is it fixed?": the reporter's ✅ closes a resolved complaint as confirmed, ❌ reopens it; with no
 * answer within {@code COMPLAINTS_TELEGRAM_CONFIRM_AFTER} one instance closes it. Buttons carry
 * {@code f:<number>:y|n} and are checked against the complaint as it is now.
 */
class Confirmations {

  private final Reporting reporting;
  private final Texts texts;
  private final Duration confirmAfter;
  private final TransactionTemplate tx;
  private final Clock clock;
  private @Nullable Bot bot;

  Confirmations(
      Reporting reporting,
      Texts texts,
      Duration confirmAfter,
      TransactionTemplate tx,
      Clock clock) {
    this.reporting = reporting;
    this.texts = texts;
    this.confirmAfter = confirmAfter;
    this.tx = tx;
    this.clock = clock;
  }

  /** The bot stores the notices; set once at start-up (the bot routes buttons here). */
  void storeWith(Bot bot) {
    this.bot = bot;
  }

  static List<List<Button>> buttons(Complaint c, Texts texts) {
    return List.of(
        List.of(
            new Button(texts.get("button.fixed"), "f:" + c.number() + ":y"),
            new Button(texts.get("button.not.fixed"), "f:" + c.number() + ":n")));
  }

  /** A pressed ✅ or ❌, in the update's transaction. */
  void answer(Turn turn, String number, String choice) {
    if (!choice.equals("y") && !choice.equals("n")) {
      turn.say(texts.get("bot.unknown.button"));
      return;
    }
    Reporting.Answer answer =
        choice.equals("y") ? Reporting.Answer.CONFIRMED : Reporting.Answer.REOPENED;
    Optional<Complaint> before = reporting.ofReporter(turn.userId, number);
    if (before.isEmpty()) {
      turn.say(texts.get("bot.unknown.button"));
      return;
    }
    if (before.get().status() != Status.RESOLVED) {
      turn.say(
          texts.get(
              "confirm.too.late",
              before.get().reference(),
              texts.get("status." + before.get().status().value())));
      return;
    }
    Complaint after = reporting.answer(turn.userId, number, answer).orElseThrow();
    if (after.status() == Status.CLOSED) {
      turn.say(texts.get("confirm.closed", after.reference()), stars(after));
    } else {
      turn.say(texts.get("confirm.reopened", after.reference()));
    }
  }

  /** A pressed star: the optional rating after closing, once per complaint. */
  void rate(Turn turn, String number, String stars) {
    boolean stored =
        stars.matches("[1-5]") && reporting.rate(turn.userId, number, Integer.parseInt(stars));
    turn.say(texts.get(stored ? "rating.thanks" : "rating.refused"));
  }

  private static List<List<Button>> stars(Complaint c) {
    List<Button> row = new java.util.ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      row.add(new Button("★".repeat(n), "g:" + c.number() + ":" + n));
    }
    return List.of(row.subList(0, 3), row.subList(3, 5));
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
  @SchedulerLock(name = "telegram-auto-close", lockAtMostFor = "PT9M")
  public void closeUnanswered() {
    for (Complaint c : reporting.unanswered(clock.instant().minus(confirmAfter))) {
      tx.executeWithoutResult(
          s -> {
            Complaint closed = reporting.closeUnanswered(c);
            if (closed.status() == Status.CLOSED && closed.telegramUserId() != null) {
              Turn notice =
                  new Turn(
                      Long.parseLong(closed.telegramUserId()),
                      closed.telegramUserId(),
                      clock.instant());
              notice.say(texts.get("confirm.auto.closed", closed.reference()));
              notice.dedupKey = "telegram:auto-closed:" + closed.id();
              Objects.requireNonNull(bot, "bot").store(notice);
            }
          });
    }
  }
}
