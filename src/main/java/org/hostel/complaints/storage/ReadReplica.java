package org.hostel.complaints.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read replica, when one is configured and has caught up. Before each list it compares the
 * replica's replay position with the primary's current WAL position: if the replica has replayed
 * everything the primary had written when the request began, every write acknowledged to anyone, on
 * any instance, is visible there, so a client always reads its own writes without anybody
 * remembering who wrote what. A lagging or unreachable replica simply means the primary answers.
 * The check costs two tiny queries, far less than the list and count it moves off the primary.
 */
@Component
@EnableConfigurationProperties(ReplicaSettings.class)
public class ReadReplica implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

  private final JdbcClient primary;
  private final @Nullable HikariDataSource pool;
  private final @Nullable JdbcClient replica;

  ReadReplica(
      JdbcClient primary,
      ReplicaSettings settings,
      DataSourceProperties primarySettings,
      Deployment deployment) {
    this.primary = primary;
    if (settings.url().isBlank()) {
      this.pool = null;
      this.replica = null;
      return;
    }
    String primaryUrl = String.valueOf(primarySettings.determineUrl());
    if (deployment.embedded() || !primaryUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(
          "COMPLAINTS_REPLICA_URL needs PostgreSQL as the primary database (SPRING_DATASOURCE_URL)");
    }
    HikariDataSource replicaPool = new HikariDataSource();
    replicaPool.setPoolName("replica");
    replicaPool.setJdbcUrl(settings.url());
    replicaPool.setUsername(
        settings.username().isBlank() ? primarySettings.determineUsername() : settings.username());
    replicaPool.setPassword(
        settings.password().isBlank() ? primarySettings.determinePassword() : settings.password());
    replicaPool.setReadOnly(true);
    replicaPool.setMaximumPoolSize(settings.maximumPoolSize());
    replicaPool.setConnectionTimeout(2_000);
    // Start even when the replica is down; the primary answers meanwhile.
    replicaPool.setInitializationFailTimeout(-1);
    this.pool = replicaPool;
    this.replica = JdbcClient.create(replicaPool);
  }

  /** The replica if it is configured, reachable and not behind the primary; empty otherwise. */
  public Optional<JdbcClient> current() {
    if (replica == null) {
      return Optional.empty();
    }
    try {
      String position =
          primary.sql("SELECT pg_current_wal_lsn()::text").query(String.class).single();
      Boolean caughtUp =
          replica
              .sql("SELECT coalesce(pg_last_wal_replay_lsn() >= CAST(:position AS pg_lsn), false)")
              .param("position", position)
              .query(Boolean.class)
              .single();
      return Boolean.TRUE.equals(caughtUp) ? Optional.of(replica) : Optional.empty();
    } catch (DataAccessException e) {
      log.debug("Replica not usable, reading from the primary: {}", e.toString());
      return Optional.empty();
    }
  }

  @Override
  public void destroy() {
    if (pool != null) {
      pool.close();
    }
  }
}
