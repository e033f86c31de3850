package org.hostel.complaints.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the bot is doing, for readiness: polling, standing by (another instance polls), receiving by
 * webhook, or failing to reach Telegram. Never a reason to take the service out of rotation.
 */
class BotState {

  private final Clock clock;
  private volatile String state = "starting";
  private volatile @Nullable String lastError;
  private volatile @Nullable Instant since;

  BotState(Clock clock) {
    this.clock = clock;
  }

  void polling() {
    set("polling", null);
  }

  void standingBy() {
    set("standby", null);
  }

  void webhook() {
    set("webhook", null);
  }

  void failed(Exception e) {
    set("unreachable", e.getClass().getSimpleName());
  }

  Map<String, Object> details() {
    return lastError == null
        ? Map.of("state", state, "since", String.valueOf(since))
        : Map.of("state", state, "since", String.valueOf(since), "error", lastError);
  }

  private void set(String next, @Nullable String error) {
    if (!next.equals(state)) {
      since = clock.instant();
    }
    state = next;
    lastError = error;
  }
}
