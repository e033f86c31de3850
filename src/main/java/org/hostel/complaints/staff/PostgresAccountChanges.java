package org.hostel.complaints.staff;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Account changes over PostgreSQL {@code LISTEN/NOTIFY}, for instances that share a database and no
 * Redis. The notification is sent inside the write's transaction, so it goes out exactly when the
 * change commits. One connection of its own, outside the pool, listens; after it was lost, every
 * cached entry is forgotten, since notifications sent meanwhile are gone.
 */
final class PostgresAccountChanges extends AccountBroadcast implements AutoCloseable {

  static final String CHANNEL = "complaints_accounts";
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(PostgresAccountChanges.class);

  private final JdbcClient jdbc;
  private final String url;
  private final Properties login = new Properties();
  private final Thread listener;
  private volatile boolean open = true;
  private volatile @Nullable Connection connection;

  PostgresAccountChanges(
      AccountStates states,
      JdbcClient jdbc,
      String url,
      @Nullable String username,
      @Nullable String password) {
    super(states);
    this.jdbc = jdbc;
    this.url = url;
    if (username != null) {
      login.setProperty("user", username);
    }
    if (password != null) {
      login.setProperty("password", password);
    }
    // Listening before the first request is served: no change can slip in between.
    try {
      connect();
    } catch (SQLException e) {
      log.warn("Cannot listen for account changes yet, retrying: {}", e.toString());
    }
    this.listener =
        Thread.ofPlatform().daemon().name("account-changes").start(this::listenUntilClosed);
  }

  @Override
  boolean transactional() {
    return true;
  }

  @Override
  void send(String message) {
    jdbc.sql("SELECT pg_notify(:channel, :message)")
        .param("channel", CHANNEL)
        .param("message", message)
        .query((rs, n) -> 1)
        .list();
  }

  private void listenUntilClosed() {
    while (open) {
      try {
        Connection listening = connection;
        if (listening == null) {
          listening = connect();
        }
        PGNotification[] notifications =
            listening.unwrap(PGConnection.class).getNotifications((int) RETRY.toMillis());
        if (notifications != null) {
          for (PGNotification notification : notifications) {
            heard(notification.getParameter());
          }
        }
      } catch (SQLException e) {
        if (!open) {
          return;
        }
        log.warn("Lost the account-change listener, reconnecting: {}", e.toString());
        closeQuietly();
        try {
          Thread.sleep(RETRY);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private Connection connect() throws SQLException {
    Connection fresh = new org.postgresql.Driver().connect(url, login);
    if (fresh == null) {
      throw new SQLException("Not a PostgreSQL URL: " + url);
    }
    try (Statement statement = fresh.createStatement()) {
      statement.execute("LISTEN " + CHANNEL);
    }
    connection = fresh;
    forgetAll();
    return fresh;
  }

  private void closeQuietly() {
    Connection current = connection;
    connection = null;
    if (current != null) {
      try {
        current.close();
      } catch (SQLException e) {
        // Closing a broken connection: nothing to do.
      }
    }
  }

  @Override
  public void close() {
    open = false;
    closeQuietly();
    listener.interrupt();
  }

  @Override
  public String kind() {
    return "postgresql";
  }
}
