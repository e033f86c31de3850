package org.hostel.complaints.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every end-to-end context shares: known admin, service token and secret. */
public final class TestSetup {

  public static final String ADMIN_EMAIL = "admin@test.local";
  public static final String ADMIN_PASSWORD = "Admin-Passw0rd";
  public static final String SERVICE_TOKEN = "integration-token-for-tests-0123456789";
  public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-signing";

  private TestSetup() {}

  /** Common settings plus a fresh data folder. */
  public static void common(DynamicPropertyRegistry registry) {
    String dataDir = tempDataDir();
    registry.add("complaints.data-dir", () -> dataDir);
    registry.add("complaints.auth.admin-email", () -> ADMIN_EMAIL);
    registry.add("complaints.auth.admin-password", () -> ADMIN_PASSWORD);
    registry.add("complaints.auth.service-token", () -> SERVICE_TOKEN);
    registry.add("complaints.auth.jwt-secret", () -> JWT_SECRET);
    registry.add("complaints.auth.logins-per-client", () -> "100000");
    registry.add("complaints.rate-limit.auth", () -> "100000/1m");
    registry.add("complaints.auth.password-hash-strength", () -> "4");
  }

  /** Common settings on a throw-away PostgreSQL database. */
  public static void postgres(DynamicPropertyRegistry registry) {
    common(registry);
    PostgresDatabase database = PostgresDatabase.create();
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("spring.datasource.password", () -> "");
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
