package org.hostel.complaints.telegram;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Conversations and claimed updates, in the database so any instance can carry a chat on. */
class ConversationRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ConversationRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Claims an update for this transaction; false when it was claimed before (Telegram resent it, or
   * another instance has it).
   */
  boolean claimUpdate(long updateId, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO telegram_updates (update_id, received_at) VALUES (:id, :at)
                ON CONFLICT (update_id) DO NOTHING
                """)
            .param("id", updateId)
            .param("at", now.toEpochMilli())
            .update()
        == 1;
  }

  /** The chat's conversation unless it expired; an expired one counts as none. */
  Optional<Conversation> find(long chatId, Instant now) {
    return jdbc.sql(
            """
            SELECT conversation_id, step, draft FROM telegram_conversations
            WHERE chat_id = :chat AND expires_at > :now
            """)
        .param("chat", chatId)
        .param("now", now.toEpochMilli())
        .query(
            (rs, n) ->
                new Conversation(
                    chatId,
                    rs.getString(1),
                    Conversation.Step.valueOf(rs.getString(2)),
                    json.readValue(rs.getString(3), Conversation.Draft.class)))
        .optional();
  }

  void save(Conversation c, Instant now, Instant expiresAt) {
    jdbc.sql(
            """
            INSERT INTO telegram_conversations
                (chat_id, conversation_id, step, draft, updated_at, expires_at)
            VALUES (:chat, :id, :step, :draft, :now, :expires)
            ON CONFLICT (chat_id) DO UPDATE SET conversation_id = excluded.conversation_id,
                step = excluded.step, draft = excluded.draft, updated_at = excluded.updated_at,
                expires_at = excluded.expires_at
            """)
        .param("chat", c.chatId())
        .param("id", c.id())
        .param("step", c.step().name())
        .param("draft", json.writeValueAsString(c.draft()))
        .param("now", now.toEpochMilli())
        .param("expires", expiresAt.toEpochMilli())
        .update();
  }

  void delete(long chatId) {
    jdbc.sql("DELETE FROM telegram_conversations WHERE chat_id = :chat")
        .param("chat", chatId)
        .update();
  }

  /** Forgets expired conversations and update ids older than {@code before}. */
  void forget(Instant now, Instant updatesBefore) {
    jdbc.sql("DELETE FROM telegram_conversations WHERE expires_at <= :now")
        .param("now", now.toEpochMilli())
        .update();
    jdbc.sql("DELETE FROM telegram_updates WHERE received_at < :before")
        .param("before", updatesBefore.toEpochMilli())
        .update();
  }
}
