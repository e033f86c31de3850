package org.hostel.complaints.testing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Where a test context keeps its data. Each runs once per context that Spring's test context cache
 * starts, so every test class sharing one context (the same annotation, nothing else added) shares
 * one data folder and, for PostgreSQL, one throw-away database; a class that adds settings gets a
 * context and storage of its own.
 */
public final class TestStorage {

  private TestStorage() {}

  /** A fresh data folder, with the embedded SQLite database in it. */
  public static final class Embedded
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      add(context, Map.of("complaints.data-dir", TestSetup.tempDataDir()));
    }
  }

  /** A fresh data folder (photos, secrets) and a fresh PostgreSQL database. */
  public static final class Postgres
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      PostgresDatabase database = PostgresDatabase.create();
      Map<String, Object> settings = new HashMap<>();
      settings.put("complaints.data-dir", TestSetup.tempDataDir());
      settings.put("spring.datasource.url", database.url());
      settings.put("spring.datasource.username", PostgresDatabase.USER);
      settings.put("spring.datasource.password", "");
      add(context, settings);
    }
  }

  private static void add(ConfigurableApplicationContext context, Map<String, Object> settings) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test storage", settings));
  }
}
