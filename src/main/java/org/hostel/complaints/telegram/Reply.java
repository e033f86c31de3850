package org.hostel.complaints.telegram;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message the bot sends, as stored in the outbox: a new message, or (with {@code messageId}) a
 * new text for one it sent before.
 *
 * @param buttons rows of inline buttons; empty for none
 */
record Reply(String chatId, @Nullable Integer messageId, String text, List<List<Button>> buttons) {

  /** An inline button and the callback data it sends back (at most 64 bytes). */
  record Button(String text, String data) {}

  static Reply to(long chatId, String text) {
    return new Reply(Long.toString(chatId), null, text, List.of());
  }

  static Reply to(long chatId, String text, List<List<Button>> buttons) {
    return new Reply(Long.toString(chatId), null, text, buttons);
  }

  static Reply edit(long chatId, int messageId, String text, List<List<Button>> buttons) {
    return new Reply(Long.toString(chatId), messageId, text, buttons);
  }
}
