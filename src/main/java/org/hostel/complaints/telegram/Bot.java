package org.hostel.complaints.telegram;

import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Chat;
import com.pengrad.telegrambot.model.Document;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.PhotoSize;
import com.pengrad.telegrambot.model.Update;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.hostel.complaints.outbox.Outbox;
import org.hostel.complaints.outbox.OutgoingMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles each update exactly once, whether it came by polling or by webhook: the update's id is
 * claimed, the conversation moved on and the replies stored in the outbox in one transaction, so a
 * resent update changes nothing and a reply is never lost. Photos of a submitted report are fetched
 * after the commit.
 */
class Bot {

  private static final Logger log = LoggerFactory.getLogger(Bot.class);
  private static final int LONGEST_TEXT = 4000;
  private static final int ATTEMPTS = 5;

  private final ConversationRepository repository;
  private final ConversationStore store;
  private final ReportFlow report;
  private final Follow follow;
  private final Flood flood;
  private final Attachments attachments;
  private final Confirmations confirmations;
  private final StaffDesk desk;
  private final BotApi api;
  private final Outbox outbox;
  private final Texts texts;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Counter received;
  private final Counter handled;
  private final Counter failed;
  private final Clock clock;

  Bot(
      ConversationRepository repository,
      ConversationStore store,
      ReportFlow report,
      Follow follow,
      Flood flood,
      Attachments attachments,
      Confirmations confirmations,
      StaffDesk desk,
      BotApi api,
      Outbox outbox,
      Texts texts,
      TransactionTemplate tx,
      JsonMapper json,
      MeterRegistry meters,
      Clock clock) {
    this.repository = repository;
    this.store = store;
    this.report = report;
    this.follow = follow;
    this.flood = flood;
    this.attachments = attachments;
    this.confirmations = confirmations;
    this.desk = desk;
    this.api = api;
    this.outbox = outbox;
    this.texts = texts;
    this.tx = tx;
    this.json = json;
    this.received = meters.counter("telegram.updates.received");
    this.handled = meters.counter("telegram.updates.handled");
    this.failed = meters.counter("telegram.updates.failed");
    this.clock = clock;
  }

  void handle(Update update) {
    received.increment();
    try {
      Turn turn = claimAndAnswerWithRetries(update);
      if (turn != null) {
        if (turn.callbackId != null) {
          api.answer(turn.callbackId, turn.callbackNote);
        }
        Turn note = turn.submitted == null ? null : attachments.attach(turn);
        if (note != null) {
          tx.executeWithoutResult(s -> store(note));
        }
      }
      handled.increment();
    } catch (RuntimeException e) {
      failed.increment();
      log.error("Telegram update {} failed", update.updateId(), e);
    }
  }

  /**
   * The update's transaction, tried again when the database was briefly out of reach (no free
   * connection, a serialization failure): nothing of it was stored, so trying again is safe, and an
   * update given up on is lost for good once the poller moves past it.
   */
  private @Nullable Turn claimAndAnswerWithRetries(Update update) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(s -> claimAndAnswer(update));
      } catch (DataAccessException | TransactionException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.info("Telegram update {} is tried again: {}", update.updateId(), e.toString());
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Stores the turn's replies in the outbox, in the caller's transaction. */
  void store(Turn turn) {
    String key = turn.dedupKey;
    for (Reply reply : turn.replies) {
      outbox.enqueue(
          new OutgoingMessage(
              TelegramSender.CHANNEL,
              reply.chatId(),
              "reply",
              json.writeValueAsString(reply),
              key));
      key = null;
    }
  }

  private @Nullable Turn claimAndAnswer(Update update) {
    Turn turn = turnOf(update);
    if (!repository.claimUpdate(update.updateId(), clock.instant()) || turn == null) {
      return null;
    }
    switch (flood.check(turn.chatId, turn.now)) {
      case IGNORE -> {
        return turn;
      }
      case WARN -> turn.say(texts.get("bot.flood"));
      case ALLOW -> {
        if (update.callbackQuery() != null) {
          button(turn, update.callbackQuery());
        } else {
          message(turn, update.message());
        }
      }
    }
    store(turn);
    return turn;
  }

  private @Nullable Turn turnOf(Update update) {
    if (update.callbackQuery() != null
        && update.callbackQuery().maybeInaccessibleMessage() != null) {
      CallbackQuery q = update.callbackQuery();
      Turn turn =
          new Turn(
              q.maybeInaccessibleMessage().chat().id(),
              String.valueOf(q.from().id()),
              clock.instant());
      turn.callbackId = q.id();
      return turn;
    }
    Message m = update.message();
    if (m == null || m.from() == null || m.chat().type() != Chat.Type.Private) {
      return null;
    }
    return new Turn(m.chat().id(), String.valueOf(m.from().id()), clock.instant());
  }

  private void message(Turn turn, Message m) {
    Optional<Conversation> c = store.find(turn);
    if (m.text() != null) {
      String text = m.text();
      if (text.length() >= LONGEST_TEXT) {
        turn.say(texts.get("bot.too.long"));
      } else if (text.startsWith("/")) {
        command(turn, c, text);
      } else if (c.isPresent()) {
        report.text(turn, c.get(), text);
      } else {
        turn.say(texts.get("bot.no.conversation"));
      }
      return;
    }
    Conversation.PhotoRef photo = photoOf(turn, m);
    if (photo != null && c.isPresent()) {
      report.photo(turn, c.get(), photo);
    } else if (photo != null) {
      turn.say(texts.get("bot.no.conversation"));
    } else if (turn.replies.isEmpty()) {
      turn.say(texts.get("bot.unsupported"));
    }
  }

  private void command(Turn turn, Optional<Conversation> c, String text) {
    String[] parts = text.strip().split("\\s+", 2);
    String name = parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
    String arg = parts.length > 1 ? parts[1].strip() : "";
    switch (name) {
      case "/start" -> {
        if (arg.isEmpty()) {
          turn.say(texts.get("bot.welcome"));
        } else if (arg.startsWith("link-")) {
          desk.link(turn, arg.substring("link-".length()));
        } else {
          follow.status(turn, arg);
        }
      }
      case "/help" -> turn.say(texts.get("bot.help"));
      case "/cancel" -> {
        if (c.isPresent()) {
          report.cancel(turn);
        } else {
          turn.say(texts.get("bot.nothing.to.cancel"));
        }
      }
      case "/report" -> {
        if (c.isPresent()) {
          turn.say(texts.get("report.in.progress"));
          report.prompt(turn, c.get());
        } else {
          report.start(turn);
        }
      }
      case "/status" -> follow.status(turn, arg);
      case "/mycomplaints" -> follow.list(turn, 1, null);
      case "/alerts" -> desk.alerts(turn, null);
      default -> turn.say(texts.get("bot.unknown.command"));
    }
  }

  private void button(Turn turn, CallbackQuery q) {
    String data = String.valueOf(q.data());
    String[] parts = data.split(":", 4);
    if (parts[0].equals("r") && parts.length == 4) {
      Optional<Conversation> c = store.find(turn);
      if (c.isEmpty() || !c.get().id().equals(parts[1])) {
        turn.callbackNote = texts.get("report.expired.button");
        turn.say(texts.get("report.expired.button"));
      } else {
        report.button(turn, c.get(), parts[2], parts[3]);
      }
    } else if (parts[0].equals("m") && parts.length == 2 && parts[1].matches("[0-9]{1,6}")) {
      follow.list(turn, Integer.parseInt(parts[1]), q.maybeInaccessibleMessage().messageId());
    } else if (parts[0].equals("v") && parts.length == 2) {
      follow.status(turn, parts[1]);
    } else if (parts[0].equals("f") && parts.length == 3) {
      confirmations.answer(turn, parts[1], parts[2]);
    } else if (parts[0].equals("g") && parts.length == 3) {
      confirmations.rate(turn, parts[1], parts[2]);
    } else if (parts[0].equals("w") && parts.length == 3) {
      desk.work(turn, parts[1], parts[2]);
    } else if (parts[0].equals("a") && parts.length == 2) {
      desk.toggle(turn, parts[1], q.maybeInaccessibleMessage().messageId());
    } else {
      turn.say(texts.get("bot.unknown.button"));
    }
  }

  /** The image in the message, or null after telling the resident why it is not one. */
  private Conversation.@Nullable PhotoRef photoOf(Turn turn, Message m) {
    PhotoSize[] sizes = m.photo();
    if (sizes != null && sizes.length > 0) {
      PhotoSize largest = sizes[sizes.length - 1];
      return new Conversation.PhotoRef(
          largest.fileId(), "telegram-" + largest.fileUniqueId() + ".jpg");
    }
    Document d = m.document();
    if (d != null) {
      if (d.mimeType() != null && d.mimeType().startsWith("image/")) {
        return new Conversation.PhotoRef(
            d.fileId(), d.fileName() == null ? "telegram-" + d.fileUniqueId() : d.fileName());
      }
      turn.say(texts.get("bot.document.not.image"));
    }
    return null;
  }
}
