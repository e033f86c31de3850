package org.hostel.complaints.complaint;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.hostel.complaints.testing.PostgresDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh, migrated SQLite file and PostgreSQL database, for SQL that must run on both. */
final class BothDatabases implements AutoCloseable {

  private final PostgresDatabase postgres = PostgresDatabase.create();
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<JdbcClient> clients;

  BothDatabases() {
    try {
      String file = Files.createTempDirectory("repository-test").resolve("test.db").toString();
      clients =
          List.of(
              JdbcClient.create(pool("jdbc:sqlite:" + file, "sqlite")),
              JdbcClient.create(pool(postgres.url(), "postgresql")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SQLite first, then PostgreSQL. */
  List<JdbcClient> clients() {
    return clients;
  }

  @Override
  public void close() {
    pools.forEach(HikariDataSource::close);
    postgres.drop();
  }

  private HikariDataSource pool(String url, String vendor) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(PostgresDatabase.USER);
    pool.setMaximumPoolSize(2);
    if (vendor.equals("sqlite")) {
      pool.addDataSourceProperty("foreign_keys", "true");
    }
    pools.add(pool);
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration/" + vendor)
        .load()
        .migrate();
    return pool;
  }
}
