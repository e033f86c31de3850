package org.hostel.complaints.telegram;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.utility.BotUtils;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.hostel.complaints.web.NotAuthenticated;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Updates Telegram posts in webhook mode, on any instance. Refused unless the secret header equals
 * the configured secret, compared in constant time; answered 200 once handled (or recognised as
 * handled before), so Telegram does not send it again.
 */
@RestController
@BotEnabled
class WebhookController {

  private final TelegramSettings settings;
  private final Bot bot;

  WebhookController(TelegramSettings settings, Bot bot) {
    this.settings = settings;
    this.bot = bot;
  }

  @Operation(
      summary = "Telegram webhook",
      description =
          "Telegram delivers bot updates here in webhook mode (`COMPLAINTS_TELEGRAM_MODE=webhook`). Refused (401) unless `X-Telegram-Bot-Api-Secret-Token` equals the configured secret; an update seen before is acknowledged and ignored.")
  @PostMapping("/telegram/webhook")
  ResponseEntity<Void> update(
      @RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false)
          @Nullable String secret,
      @RequestBody String body) {
    if (settings.mode() != TelegramSettings.Mode.WEBHOOK) {
      return ResponseEntity.notFound().build();
    }
    if (secret == null || !matches(secret, Objects.requireNonNull(settings.webhookSecret()))) {
      throw NotAuthenticated.because("The webhook secret is missing or wrong");
    }
    Update update;
    try {
      update = BotUtils.parseUpdate(body);
    } catch (RuntimeException e) {
      update = null;
    }
    if (update == null || update.updateId() == null) {
      throw ValidationFailed.of("body", "must be a Telegram update");
    }
    bot.handle(update);
    return ResponseEntity.ok().build();
  }

  private static boolean matches(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
