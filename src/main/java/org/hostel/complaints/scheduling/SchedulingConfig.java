package org.hostel.complaints.scheduling;

import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.Utils;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * ShedLock on the application's database, table {@code shedlock}. A job annotated with
 * {@code @SchedulerLock(name = ...)} runs on one instance at a time; without {@code lockAtMostFor}
 * its lock lasts at most 10 minutes if the instance dies while running it.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfig {

  @Bean
  LockProvider lockProvider(DataSource dataSource, DataSourceProperties properties) {
    boolean postgres = String.valueOf(properties.determineUrl()).startsWith("jdbc:postgresql:");
    return lockProvider(dataSource, postgres, instanceName());
  }

  /**
   * Locks held as {@code holder}. On PostgreSQL lock times come from the database clock, so
   * instances on machines whose clocks disagree still agree on when a lock runs out; SQLite is one
   * machine's file, and ShedLock reads no clock from it. Each instance needs a holder name of its
   * own: a lease is renewed and released only by the holder that took it, and two processes on one
   * host share the host name.
   */
  static LockProvider lockProvider(DataSource dataSource, boolean postgres, String holder) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    if (!postgres) {
      jdbc.setExceptionTranslator(sqliteDuplicateKeys(jdbc.getExceptionTranslator()));
    }
    var configuration =
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(jdbc)
            .withTableName("shedlock")
            .withLockedByValue(holder);
    if (postgres) {
      configuration.usingDbTime();
    }
    return new JdbcTemplateLockProvider(configuration.build());
  }

  /**
   * ShedLock first tries to insert a lock's row and takes a duplicate key as "it exists, update
   * it". Spring does not recognise SQLite's duplicate key, and ShedLock would log every such first
   * try, after each restart, as an unexpected error.
   */
  private static SQLExceptionTranslator sqliteDuplicateKeys(SQLExceptionTranslator others) {
    return (task, sql, e) ->
        e instanceof SQLiteException sqlite
                && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
            ? new DuplicateKeyException(task + ": " + e.getMessage(), e)
            : others.translate(task, sql, e);
  }

  static String instanceName() {
    return Utils.getHostname() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }
}
