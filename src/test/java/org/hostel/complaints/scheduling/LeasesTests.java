package org.hostel.complaints.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostel.complaints.testing.Eventually.sleep;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hostel.complaints.testing.BothDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Leases between contenders that stand for separate instances (each its own holder name) on one
 * database, SQLite and PostgreSQL.
 */
class LeasesTests {

  static final BothDatabases DATABASES = new BothDatabases();
  static final Duration TTL = Duration.ofMillis(1500);

  @AfterAll
  static void close() {
    DATABASES.close();
  }

  static Stream<Named<Database>> databases() {
    return Stream.of(
        Named.of("sqlite", new Database(DATABASES.dataSources().get(0), false)),
        Named.of("postgresql", new Database(DATABASES.dataSources().get(1), true)));
  }

  record Database(DataSource dataSource, boolean postgres) {
    Leases instance(String holder) {
      return new Leases(SchedulingConfig.lockProvider(dataSource, postgres, holder));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void oneContenderHoldsTheLeaseUntilItReleasesIt(Database database) {
    String role = "role-" + UUID.randomUUID().toString().substring(0, 8);
    Leases a = database.instance("a");
    Leases b = database.instance("b");

    Lease held = a.tryAcquire(role, TTL).orElseThrow();
    assertThat(b.tryAcquire(role, TTL)).isEmpty();
    assertThat(held.renew()).isTrue();
    assertThat(b.tryAcquire(role, TTL)).isEmpty();

    held.release();
    assertThat(held.held()).isFalse();
    assertThat(b.tryAcquire(role, TTL)).isPresent();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aRenewedLeaseIsNeverTakenOver(Database database) {
    String role = "role-" + UUID.randomUUID().toString().substring(0, 8);
    Lease held = database.instance("a").tryAcquire(role, TTL).orElseThrow();
    Leases b = database.instance("b");

    long until = System.nanoTime() + TTL.multipliedBy(3).toNanos();
    while (System.nanoTime() < until) {
      assertThat(b.tryAcquire(role, TTL)).isEmpty();
      sleep(TTL.dividedBy(5));
      assertThat(held.renew()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anotherContenderTakesOverWithinTheTtlWhenTheHolderStopsRenewing(Database database) {
    String role = "role-" + UUID.randomUUID().toString().substring(0, 8);
    Lease dead = database.instance("a").tryAcquire(role, TTL).orElseThrow();
    long lastRenewal = System.nanoTime();
    assertThat(dead.renew()).isTrue();
    Leases b = database.instance("b");

    Optional<Lease> taken = Optional.empty();
    while (taken.isEmpty()) {
      assertThat(Duration.ofNanos(System.nanoTime() - lastRenewal)).isLessThan(TTL.plusSeconds(1));
      sleep(Duration.ofMillis(50));
      taken = b.tryAcquire(role, TTL);
    }
    // Not before the lease ran out: a ttl after the renewal began.
    Duration after = Duration.ofNanos(System.nanoTime() - lastRenewal);
    assertThat(after).isGreaterThanOrEqualTo(TTL.minusMillis(20));

    // The old holder finds out, and its release cannot free the new holder's lease.
    assertThat(dead.renew()).isFalse();
    dead.release();
    assertThat(database.instance("c").tryAcquire(role, TTL)).isEmpty();
    assertThat(taken.get().renew()).isTrue();
  }
}
