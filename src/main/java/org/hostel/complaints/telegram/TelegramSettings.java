package org.hostel.complaints.telegram;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Telegram bot.
 *
 * @param botToken the token BotFather gave; the bot is off without one ({@code
 *     COMPLAINTS_TELEGRAM_BOT_TOKEN})
 * @param botUsername the bot's user name (without @), for the staff's deep links ({@code
 *     COMPLAINTS_TELEGRAM_BOT_USERNAME})
 * @param apiUrl the Bot API server, Telegram's own by default; a self-hosted Bot API server or a
 *     test server otherwise ({@code COMPLAINTS_TELEGRAM_API_URL})
 * @param mode {@code polling} (one instance at a time asks Telegram for updates) or {@code webhook}
 *     (Telegram posts them to any instance) ({@code COMPLAINTS_TELEGRAM_MODE})
 * @param webhookUrl in webhook mode, the public address of {@code /telegram/webhook}; the service
 *     registers it at start-up when set ({@code COMPLAINTS_TELEGRAM_WEBHOOK_URL})
 * @param webhookSecret in webhook mode, the secret Telegram sends in {@code
 *     X-Telegram-Bot-Api-Secret-Token}; required there ({@code COMPLAINTS_TELEGRAM_WEBHOOK_SECRET})
 * @param conversationTtl an unfinished report is forgotten this long after its last message ({@code
 *     COMPLAINTS_TELEGRAM_CONVERSATION_TTL})
 * @param pollTimeout how long one long poll waits for updates; well under {@code leaseTtl}
 * @param leaseTtl how long the polling instance holds its role without renewing it; another
 *     instance takes over within this after the poller dies
 * @param messagesPerMinute messages a chat may send a minute; past that it is warned once, then
 *     ignored until the minute is over ({@code COMPLAINTS_TELEGRAM_MESSAGES_PER_MINUTE})
 * @param maxPhotos photos a resident may attach to one report
 * @param pageSize complaints per page of {@code /mycomplaints}
 * @param confirmAfter a resolved complaint the reporter did not confirm or reopen is closed this
 *     long after it was resolved ({@code COMPLAINTS_TELEGRAM_CONFIRM_AFTER})
 */
@Validated
@ConfigurationProperties("complaints.telegram")
record TelegramSettings(
    @Nullable String botToken,
    @Nullable String botUsername,
    @DefaultValue("https://api.telegram.org") String apiUrl,
    @DefaultValue("polling") Mode mode,
    @Nullable String webhookUrl,
    @Nullable String webhookSecret,
    @DefaultValue("24h") Duration conversationTtl,
    @DefaultValue("4s") Duration pollTimeout,
    @DefaultValue("10s") Duration leaseTtl,
    @DefaultValue("20") @Min(1) int messagesPerMinute,
    @DefaultValue("5") @Min(0) @Max(10) int maxPhotos,
    @DefaultValue("5") @Min(1) @Max(20) int pageSize,
    @DefaultValue("3d") Duration confirmAfter) {

  /** How the bot receives updates. */
  enum Mode {
    POLLING,
    WEBHOOK
  }

  TelegramSettings {
    if (mode == Mode.WEBHOOK && (webhookSecret == null || webhookSecret.length() < 16)) {
      throw new IllegalArgumentException(
          "complaints.telegram.webhook-secret must have at least 16 characters in webhook mode");
    }
    if (pollTimeout.compareTo(leaseTtl) >= 0) {
      throw new IllegalArgumentException(
          "complaints.telegram.poll-timeout must be shorter than lease-ttl");
    }
  }

  /** The base URL without a trailing slash. */
  String api() {
    return apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
  }
}
