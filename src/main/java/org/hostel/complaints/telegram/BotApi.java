package org.hostel.complaints.telegram;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.File;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.request.DeleteWebhook;
import com.pengrad.telegrambot.request.EditMessageText;
import com.pengrad.telegrambot.request.GetFile;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.request.SetWebhook;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetFileResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.hostel.complaints.observability.Spans;
import org.hostel.complaints.outbox.Delivery;
import org.jspecify.annotations.Nullable;

/**
 * The Bot API calls the bot makes, through pengrad's client, and what their failures mean: a 429
 * waits its {@code retry_after}, a 403 means the resident blocked the bot, other 4xx answers reject
 * the one message, and anything else is worth another try.
 */
class BotApi {

  private final TelegramBot bot;
  private final Spans spans;

  BotApi(TelegramBot bot, Spans spans) {
    this.bot = bot;
    this.spans = spans;
  }

  /** A call the Bot API refused or could not be reached for; {@code code} 0 for no answer. */
  static final class Failure extends RuntimeException {
    final int code;
    final @Nullable Integer retryAfter;

    Failure(int code, String description, @Nullable Integer retryAfter) {
      super(code == 0 ? description : "Bot API " + code + ": " + description);
      this.code = code;
      this.retryAfter = retryAfter;
    }
  }

  List<Update> updates(int offset, Duration timeout) {
    GetUpdatesResponse response =
        call(
            new GetUpdates()
                .offset(offset)
                .timeout((int) timeout.toSeconds())
                .allowedUpdates("message", "callback_query"));
    return response.updates() == null ? List.of() : response.updates();
  }

  /** Sends a reply once and says how it went, for the outbox. */
  Delivery deliver(Reply reply) {
    try {
      if (reply.messageId() == null) {
        SendMessage send = new SendMessage(reply.chatId(), reply.text());
        if (!reply.buttons().isEmpty()) {
          send.replyMarkup(keyboard(reply.buttons()));
        }
        call(send);
      } else {
        EditMessageText edit = new EditMessageText(reply.chatId(), reply.messageId(), reply.text());
        edit.replyMarkup(keyboard(reply.buttons()));
        call(edit);
      }
      return new Delivery.Sent();
    } catch (Failure f) {
      return switch (f.code) {
        case 429 ->
            new Delivery.RetryLater(
                f.retryAfter == null ? null : Duration.ofSeconds(f.retryAfter), "HTTP 429");
        case 403 -> new Delivery.RecipientGone("HTTP 403");
        case 0 -> new Delivery.RetryLater(null, "unreachable");
        default ->
            f.code >= 400 && f.code < 500
                ? unchangedEdit(f)
                : new Delivery.RetryLater(null, "HTTP " + f.code);
      };
    }
  }

  /** Stops the spinner on a pressed button; a failure here loses nothing. */
  void answer(String callbackId, @Nullable String text) {
    try {
      AnswerCallbackQuery answer = new AnswerCallbackQuery(callbackId);
      if (text != null) {
        answer.text(text);
      }
      call(answer);
    } catch (Failure e) {
      // The button's spinner stops by itself after a while.
    }
  }

  /**
   * The file behind a {@code file_id}, refused when Telegram says it is larger than {@code max}.
   */
  byte[] download(String fileId, long max) throws IOException {
    GetFileResponse response = call(new GetFile(fileId));
    File file = response.file();
    if (file.fileSize() != null && file.fileSize() > max) {
      throw new Failure(413, "file too large", null);
    }
    return bot.getFileContent(file);
  }

  void setWebhook(String url, String secret) {
    call(new SetWebhook().url(url).secretToken(secret).allowedUpdates("message", "callback_query"));
  }

  void deleteWebhook() {
    call(new DeleteWebhook());
  }

  private <T extends BaseRequest<T, R>, R extends BaseResponse> R call(BaseRequest<T, R> request) {
    R response;
    try {
      response =
          spans.child(
              "telegram.api", "telegram " + request.getMethod(), () -> bot.execute(request));
    } catch (RuntimeException e) {
      // The class only: a message could hold the URL, and the URL holds the token.
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new Failure(0, cause.getClass().getSimpleName(), null);
    }
    if (response == null || !response.isOk()) {
      int code = response == null ? 0 : response.errorCode();
      String description = response == null ? "no answer" : String.valueOf(response.description());
      Integer retryAfter =
          response == null || response.parameters() == null
              ? null
              : response.parameters().retryAfter();
      throw new Failure(code, description, retryAfter);
    }
    return response;
  }

  /** Editing a message to the text it has is a 400 that means the work is done. */
  private static Delivery unchangedEdit(Failure f) {
    return String.valueOf(f.getMessage()).contains("message is not modified")
        ? new Delivery.Sent()
        : new Delivery.Rejected("HTTP " + f.code);
  }

  private static InlineKeyboardMarkup keyboard(List<List<Reply.Button>> rows) {
    InlineKeyboardMarkup markup = new InlineKeyboardMarkup();
    for (List<Reply.Button> row : rows) {
      markup.addRow(
          row.stream()
              .map(b -> new InlineKeyboardButton(b.text()).callbackData(b.data()))
              .toArray(InlineKeyboardButton[]::new));
    }
    return markup;
  }
}
