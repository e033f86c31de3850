package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hostel.complaints.staff.Role;
import org.hostel.complaints.testing.BothDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The accounts feature's SQL on both databases: each link and code works once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountRepositoriesTests {

  private final BothDatabases databases = new BothDatabases();
  private final Instant now = Instant.parse("2026-06-01T12:00:00Z");

  IntStream vendors() {
    return IntStream.range(0, databases.clients().size());
  }

  @AfterAll
  void close() {
    databases.close();
  }

  UUID staff(JdbcClient jdbc) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO staff (id, full_name, email, role, active, password_hash, created_at)"
                + " VALUES (:id, 'Ann', :email, 'porter', :active, 'x', 0)")
        .param("id", id.toString())
        .param("email", id + "@x.org")
        .param("active", true)
        .update();
    return id;
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void invitationsAreUsedOnceAndNotAfterRevocation(int vendor) {
    InvitationRepository invitations = new InvitationRepository(databases.clients().get(vendor));
    UUID id = UUID.randomUUID();
    String email = id + "@x.org";
    invitations.insert(
        new InvitationRepository.Row(
            id, email, "Ann", Role.ADMIN, null, now, now.plusSeconds(3600), null, null),
        "hash-" + id);
    assertThat(invitations.byToken("hash-" + id))
        .hasValueSatisfying(r -> assertThat(r.role()).isEqualTo(Role.ADMIN));
    assertThat(invitations.pendingFor(email, now)).hasSize(1);
    assertThat(invitations.renew(id, "new-" + id, now.plusSeconds(7200))).isTrue();
    assertThat(invitations.byToken("hash-" + id)).isEmpty();
    assertThat(invitations.accept(id, now.plusSeconds(7201))).isFalse();
    assertThat(invitations.accept(id, now)).isTrue();
    assertThat(invitations.accept(id, now)).isFalse();
    assertThat(invitations.revoke(id, now)).isFalse();
    assertThat(invitations.find(id).orElseThrow().status(now)).isEqualTo("accepted");
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void resetLinksAndPendingLoginsWorkOnce(int vendor) {
    JdbcClient jdbc = databases.clients().get(vendor);
    UUID member = staff(jdbc);
    PasswordResetRepository resets = new PasswordResetRepository(jdbc);
    resets.insert("r1-" + member, member, "stamp", now, now.plusSeconds(1800));
    resets.insert("r2-" + member, member, "stamp", now, now.plusSeconds(1800));
    assertThat(resets.use("r1-" + member, now.plusSeconds(1801))).isFalse();
    assertThat(resets.use("r1-" + member, now)).isTrue();
    assertThat(resets.use("r1-" + member, now)).isFalse();
    resets.closeAll(member, now);
    assertThat(resets.find("r2-" + member).orElseThrow().usedAt()).isNotNull();

    TwoFactorRepository factors = new TwoFactorRepository(jdbc);
    factors.challenge("c-" + member, member, now.plusSeconds(300));
    assertThat(factors.pending("c-" + member, now)).hasValue(member);
    assertThat(factors.pending("c-" + member, now.plusSeconds(301))).isEmpty();
    assertThat(factors.finish("c-" + member, now)).isTrue();
    assertThat(factors.finish("c-" + member, now)).isFalse();
    assertThat(factors.pending("c-" + member, now)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void aTimeStepAndARecoveryCodeAreGoodOnce(int vendor) {
    JdbcClient jdbc = databases.clients().get(vendor);
    UUID member = staff(jdbc);
    TwoFactorRepository factors = new TwoFactorRepository(jdbc);
    factors.begin(member, "SECRET1");
    factors.begin(member, "SECRET2");
    assertThat(factors.secret(member).orElseThrow().secret()).isEqualTo("SECRET2");
    assertThat(factors.confirmed(member)).isFalse();
    factors.confirm(member, now);
    assertThat(factors.confirmed(member)).isTrue();
    assertThat(factors.used(member, 100)).isTrue();
    assertThat(factors.used(member, 100)).isFalse();
    assertThat(factors.used(member, 99)).isFalse();
    factors.replaceRecoveryCodes(member, List.of("a-" + member, "b-" + member));
    assertThat(factors.useRecoveryCode(member, "a-" + member, now)).isTrue();
    assertThat(factors.useRecoveryCode(member, "a-" + member, now)).isFalse();
    assertThat(factors.useRecoveryCode(UUID.randomUUID(), "b-" + member, now)).isFalse();
    factors.remove(member);
    assertThat(factors.secret(member)).isEmpty();
    assertThat(factors.useRecoveryCode(member, "b-" + member, now)).isFalse();
  }
}
