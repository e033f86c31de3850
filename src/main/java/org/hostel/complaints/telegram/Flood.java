package org.hostel.complaints.telegram;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-chat limit on messages a minute. The first message over the limit is answered with a
 * warning, the rest of that minute are ignored, so a flooding chat costs almost nothing. Counted in
 * memory: one instance polls, and in webhook mode each instance counts what reaches it.
 */
class Flood {

  /** What to do with a chat's message. */
  enum Verdict {
    ALLOW,
    WARN,
    IGNORE
  }

  private record Window(long minute, int count) {}

  private final int perMinute;
  private final Map<Long, Window> windows = new ConcurrentHashMap<>();

  Flood(int perMinute) {
    this.perMinute = perMinute;
  }

  Verdict check(long chatId, Instant now) {
    long minute = now.getEpochSecond() / 60;
    Window w =
        windows.compute(
            chatId,
            (id, old) ->
                old == null || old.minute() != minute
                    ? new Window(minute, 1)
                    : new Window(minute, old.count() + 1));
    if (windows.size() > 10_000) {
      windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
    }
    if (w.count() <= perMinute) {
      return Verdict.ALLOW;
    }
    return w.count() == perMinute + 1 ? Verdict.WARN : Verdict.IGNORE;
  }
}
