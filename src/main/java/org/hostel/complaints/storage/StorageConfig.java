package org.hostel.complaints.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageSettings.class)
class StorageConfig {

  /**
   * Runs before other post-processors, so that theirs wrap the tuned and serialised pool. The bean
   * method must declare this type: Spring orders post-processors by their declared type.
   */
  abstract static class First implements BeanPostProcessor, PriorityOrdered {
    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  /** The embedded database's file in the data folder (as {@code application.yaml} names it). */
  private static final String DATABASE = "complaints.db";

  @Bean
  Deployment deployment(DataSourceProperties dataSource) {
    String url = dataSource.determineUrl();
    return new Deployment(url == null || url.startsWith("jdbc:sqlite:"));
  }

  /**
   * Groups submissions into shared commits on the embedded default; their turn waits no longer than
   * a request waits for a connection. How many writes each commit carried is on {@code /metrics} as
   * {@code storage_group_commit_size}.
   */
  @Bean
  GroupCommit groupCommit(
      TransactionTemplate transactions,
      DataSource dataSource,
      Deployment deployment,
      MeterRegistry meters)
      throws SQLException {
    DistributionSummary sizes =
        DistributionSummary.builder("storage.group.commit.size")
            .description("Writes committed together by one synced commit (embedded default)")
            .register(meters);
    Duration wait =
        Duration.ofMillis(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout());
    return new GroupCommit(transactions, deployment.embedded(), wait, sizes::record);
  }

  @Bean
  GeneratedSecrets generatedSecrets(StorageSettings settings) {
    return new GeneratedSecrets(settings.dataDir());
  }

  /**
   * SQLite needs settings a server database does not: write-ahead logging so readers never block
   * the writer, a busy timeout instead of instant lock errors, enforced foreign keys, and
   * transactions that take the write lock when they begin so two writers never deadlock on
   * upgrading a read lock. Acknowledged writes are synced ({@code synchronous=FULL}). Writers queue
   * in Java ({@link SerializedSqliteWrites}), so SQLite's own busy wait is only a safety net.
   */
  @Bean
  static First sqliteTuning(StorageSettings settings) {
    return new First() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
            && pool.getJdbcUrl() != null
            && pool.getJdbcUrl().startsWith("jdbc:sqlite:")) {
          try {
            // SQLite gives its WAL and shared-memory files the mode of the database file, so an
            // owner-only database made here keeps all three private.
            Path folder = PrivateFiles.createFolders(settings.dataDir());
            PrivateFiles.restrict(folder);
            Path database = folder.resolve(DATABASE);
            PrivateFiles.createFile(database);
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
              PrivateFiles.restrict(folder.resolve(DATABASE + suffix));
            }
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data folder " + settings.dataDir(), e);
          }
          pool.addDataSourceProperty("journal_mode", "WAL");
          pool.addDataSourceProperty("synchronous", "FULL");
          pool.addDataSourceProperty("busy_timeout", "5000");
          pool.addDataSourceProperty("foreign_keys", "true");
          pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
          pool.setMaximumPoolSize(Math.min(pool.getMaximumPoolSize(), 6));
        }
        return bean;
      }

      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
            && pool.getJdbcUrl() != null
            && pool.getJdbcUrl().startsWith("jdbc:sqlite:")) {
          // A write waits for its turn no longer than a request waits for a connection: past
          // that it is overload, answered 503 with Retry-After, not a client's timeout.
          return new SerializedSqliteWrites(pool, Duration.ofMillis(pool.getConnectionTimeout()));
        }
        return bean;
      }
    };
  }
}
