package org.hostel.complaints.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hostel.complaints.ComplaintsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every end-to-end context shares: known admin, service token and secret. */
public final class TestSetup {

  public static final String ADMIN_EMAIL = "admin@test.local";
  public static final String ADMIN_PASSWORD = "Admin-Passw0rd";
  public static final String SERVICE_TOKEN = "integration-token-for-tests-0123456789";
  public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-signing";
  public static final String METRICS_TOKEN = "metrics-token-for-tests-0123456789";
  public static final String POSTER_KEY = "poster-key-for-tests-0123456789";

  /**
   * The settings every end-to-end context shares, as inlined test properties (one per line). Spring
   * reads them as a properties file, so shared contexts keep an equal cache key.
   */
  public static final String PROPERTIES =
      "complaints.auth.admin-email="
          + ADMIN_EMAIL
          + "\ncomplaints.auth.admin-password="
          + ADMIN_PASSWORD
          + "\ncomplaints.auth.service-token="
          + SERVICE_TOKEN
          + "\ncomplaints.auth.jwt-secret="
          + JWT_SECRET
          + "\ncomplaints.auth.logins-per-client=100000"
          + "\ncomplaints.rate-limit.auth=100000/1m"
          + "\ncomplaints.rate-limit.anonymous=100000/1m"
          + "\ncomplaints.auth.password-hash-strength=4"
          + "\ncomplaints.observability.metrics-token="
          + METRICS_TOKEN
          + "\ncomplaints.dashboard.image-origins=https://photos.example.org"
          + "\ncomplaints.portal.poster-key="
          + POSTER_KEY
          + "\ncomplaints.portal.address-limit=100000/1m"
          + "\ncomplaints.portal.room-limit=100000/1m"
          + "\ncomplaints.portal.soft-limit=100000/1m"
          // Cached contexts stay open for the whole run: each keeps at most two idle connections
          // (Hikari's default keeps the full 20), or PostgreSQL's 100 run out.
          + "\nspring.datasource.hikari.minimum-idle=2"
          + "\nspring.datasource.hikari.idle-timeout=10000";

  private TestSetup() {}

  /**
   * The shared settings plus a fresh data folder, for contexts started by hand; test classes use
   * {@link EmbeddedContext}.
   */
  public static void common(DynamicPropertyRegistry registry) {
    String dataDir = tempDataDir();
    registry.add("complaints.data-dir", () -> dataDir);
    PROPERTIES
        .lines()
        .map(line -> line.split("=", 2))
        .forEach(pair -> registry.add(pair[0], () -> pair[1]));
  }

  /**
   * The shared settings on a throw-away PostgreSQL database, for contexts started by hand; test
   * classes use {@link PostgresContext}.
   */
  public static void postgres(DynamicPropertyRegistry registry) {
    common(registry);
    PostgresDatabase database = PostgresDatabase.create();
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("spring.datasource.password", () -> "");
  }

  /**
   * One more instance of the application on {@code database}, started by hand with the shared
   * settings: several of them in one JVM act as instances behind a load balancer.
   */
  public static ConfigurableApplicationContext instanceOn(
      PostgresDatabase database, List<String> extraArgs, Class<?>... extraSources) {
    return instanceOn(database, tempDataDir(), extraArgs, extraSources);
  }

  /** Like {@link #instanceOn(PostgresDatabase, List, Class[])}, on a given data folder. */
  public static ConfigurableApplicationContext instanceOn(
      PostgresDatabase database, String dataDir, List<String> extraArgs, Class<?>... extraSources) {
    List<String> args = new ArrayList<>();
    args.add("--complaints.data-dir=" + dataDir);
    PROPERTIES.lines().forEach(line -> args.add("--" + line));
    args.addAll(
        List.of(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + PostgresDatabase.USER,
            "--spring.datasource.password=",
            "--spring.datasource.hikari.maximum-pool-size=6"));
    args.addAll(extraArgs);
    List<Class<?>> sources = new ArrayList<>(List.of(ComplaintsApplication.class));
    sources.addAll(List.of(extraSources));
    return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .run(args.toArray(String[]::new));
  }

  public static String tempDataDir() {
    try {
      Path dir = Files.createTempDirectory("complaints-test-");
      dir.toFile().deleteOnExit();
      return dir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
