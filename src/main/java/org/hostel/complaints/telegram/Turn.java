package org.hostel.complaints.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One update being handled: who sent it, and what the bot does in answer. Replies are stored in the
 * outbox with the update's claim; the rest happens after the commit.
 */
final class Turn {

  /** A complaint just stored from a report, whose photos are fetched after the commit. */
  record Submitted(UUID complaintId, String reference, List<Conversation.PhotoRef> photos) {}

  final long chatId;
  final String userId;
  final Instant now;
  final List<Reply> replies = new ArrayList<>();
  @Nullable String callbackId;
  @Nullable String callbackNote;
  @Nullable Submitted submitted;
  @Nullable String dedupKey;

  Turn(long chatId, String userId, Instant now) {
    this.chatId = chatId;
    this.userId = userId;
    this.now = now;
  }

  void say(String text) {
    replies.add(Reply.to(chatId, text));
  }

  void say(String text, List<List<Reply.Button>> buttons) {
    replies.add(Reply.to(chatId, text, buttons));
  }

  void edit(int messageId, String text, List<List<Reply.Button>> buttons) {
    replies.add(Reply.edit(chatId, messageId, text, buttons));
  }
}
