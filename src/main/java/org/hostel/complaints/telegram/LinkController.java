package org.hostel.complaints.telegram;

import io.swagger.v3.oas.annotations.Operation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A staff member's one-time code to link their Telegram account: they send {@code /start
 * link-<code>} to the bot (or open the deep link) within ten minutes.
 */
@RestController
@BotEnabled
class LinkController {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final StaffLinks links;
  private final TelegramSettings settings;
  private final Clock clock;

  LinkController(StaffLinks links, TelegramSettings settings, Clock clock) {
    this.links = links;
    this.settings = settings;
    this.clock = clock;
  }

  /** {@code deepLink} only when the bot's user name is configured. */
  record LinkResponse(String code, String startCommand, String deepLink, Instant expiresAt) {}

  @Operation(
      summary = "Link my Telegram account",
      description =
          "A one-time code, valid 10 minutes, and the deep link `https://t.me/<bot>?start=link-<code>` that links the caller's Telegram account for alerts. Staff only; only while the bot is on.")
  @PostMapping("/api/v1/profile/telegram-link")
  @ResponseStatus(HttpStatus.CREATED)
  LinkResponse link(Caller caller) {
    if (!caller.isStaff()) {
      throw AccessDenied.because("Only staff link a Telegram account");
    }
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    String code = HexFormat.of().formatHex(bytes);
    Instant expires = clock.instant().plus(StaffDesk.CODE_TTL);
    links.addCode(code, caller.staffId(), expires);
    String start = "link-" + code;
    String deepLink =
        settings.botUsername() == null
            ? ""
            : "https://t.me/" + settings.botUsername() + "?start=" + start;
    return new LinkResponse(code, "/start " + start, deepLink, expires);
  }
}
