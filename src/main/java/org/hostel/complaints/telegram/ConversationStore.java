package org.hostel.complaints.telegram;

import java.time.Duration;
import java.util.Optional;

/** Conversations as a turn sees them: each save holds the conversation for another ttl. */
class ConversationStore {

  private final ConversationRepository repository;
  private final Duration ttl;

  ConversationStore(ConversationRepository repository, Duration ttl) {
    this.repository = repository;
    this.ttl = ttl;
  }

  Optional<Conversation> find(Turn turn) {
    return repository.find(turn.chatId, turn.now);
  }

  void save(Turn turn, Conversation c) {
    repository.save(c, turn.now, turn.now.plus(ttl));
  }

  void delete(Turn turn) {
    repository.delete(turn.chatId);
  }
}
