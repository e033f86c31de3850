package org.hostel.complaints.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh, migrated SQLite file and PostgreSQL database, for SQL that must run on both. */
public final class BothDatabases implements AutoCloseable {

  private final PostgresDatabase postgres = PostgresDatabase.create();
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<DataSource> dataSources;
  private final List<JdbcClient> clients;

  public BothDatabases() {
    try {
      String file = Files.createTempDirectory("repository-test").resolve("test.db").toString();
      dataSources =
          List.of(pool("jdbc:sqlite:" + file, "sqlite"), pool(postgres.url(), "postgresql"));
      clients = dataSources.stream().map(JdbcClient::create).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SQLite first, then PostgreSQL. */
  public List<JdbcClient> clients() {
    return clients;
  }

  /** The same two databases' connection pools, SQLite first. */
  public List<DataSource> dataSources() {
    return dataSources;
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
      // Concurrent writers wait for the one write lock, as the application's pool has them do.
      pool.addDataSourceProperty("busy_timeout", "10000");
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
