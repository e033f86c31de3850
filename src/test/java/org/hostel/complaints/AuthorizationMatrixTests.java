package org.hostel.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.hostel.complaints.testing.TestSetup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint against every kind of caller. Each cell gets a fresh complaint (assigned to the
 * "assigned" porter, or left unassigned) so that one call cannot change what the next one sees.
 */
@EmbeddedContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

  enum Who {
    ADMIN,
    PORTER_ASSIGNED,
    PORTER_NOT_ASSIGNED,
    INTEGRATION,
    ANONYMOUS,
    EXPIRED_TOKEN,
    REVOKED_TOKEN
  }

  /** One endpoint: how to call it on a complaint, and what each caller must get. */
  record Endpoint(
      String name,
      boolean assigned,
      String method,
      BiFunction<String, UUID, String> path,
      @Nullable BiFunction<Fixtureless, Who, Object> body,
      int... expected) {}

  /** What a body may depend on: the ids of the people in the matrix. */
  record Fixtureless(UUID admin, UUID assigned, UUID other) {}

  Api api;
  Fixtures fixtures;
  Fixtures.Staff assigned;
  Fixtures.Staff other;
  Fixtureless ids;
  Map<Who, @Nullable String> tokens = new EnumMap<>(Who.class);

  @BeforeAll
  void people(Api api, Fixtures fixtures) throws JOSEException {
    this.api = api;
    this.fixtures = fixtures;
    assigned = fixtures.porter();
    other = fixtures.porter();
    UUID adminId =
        UUID.fromString(
            api.get("/api/v1/profile/me", fixtures.adminToken()).json().get("id").asString());
    ids = new Fixtureless(adminId, assigned.id(), other.id());
    Fixtures.Staff leaving = fixtures.porter();
    assertThat(api.call("POST", "/auth/logout").token(leaving.token()).send().status())
        .isEqualTo(204);
    tokens.put(Who.ADMIN, fixtures.adminToken());
    tokens.put(Who.PORTER_ASSIGNED, assigned.token());
    tokens.put(Who.PORTER_NOT_ASSIGNED, other.token());
    tokens.put(Who.INTEGRATION, TestSetup.SERVICE_TOKEN);
    tokens.put(Who.ANONYMOUS, null);
    tokens.put(
        Who.EXPIRED_TOKEN, token(adminId, TestSetup.JWT_SECRET, Instant.now().minusSeconds(120)));
    tokens.put(Who.REVOKED_TOKEN, leaving.token());
  }

  static Stream<Arguments> matrix() {
    List<Endpoint> endpoints =
        List.of(
            new Endpoint(
                "read assigned complaint",
                true,
                "GET",
                (b, id) -> "/api/v1/complaints/" + id,
                null,
                200,
                200,
                404,
                200,
                401,
                401,
                401),
            new Endpoint(
                "read unassigned complaint",
                false,
                "GET",
                (b, id) -> "/api/v1/complaints/" + id,
                null,
                200,
                200,
                200,
                200,
                401,
                401,
                401),
            new Endpoint(
                "list complaints",
                true,
                "GET",
                (b, id) -> "/api/v1/complaints",
                null,
                200,
                200,
                200,
                200,
                401,
                401,
                401),
            new Endpoint(
                "submit",
                true,
                "POST",
                (b, id) -> "/api/v1/complaints/submit",
                (f, who) -> Fixtures.complaint(Fixtures.reporter()),
                201,
                201,
                201,
                201,
                401,
                401,
                401),
            new Endpoint(
                "start assigned complaint",
                true,
                "PATCH",
                (b, id) -> "/api/v1/complaints/" + id + "/status",
                (f, who) -> Map.of("status", "in_progress"),
                200,
                200,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "start unassigned complaint",
                false,
                "PATCH",
                (b, id) -> "/api/v1/complaints/" + id + "/status",
                (f, who) -> Map.of("status", "in_progress"),
                200,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "close reported complaint",
                true,
                "PATCH",
                (b, id) -> "/api/v1/complaints/" + id + "/status",
                (f, who) -> Map.of("status", "closed"),
                400,
                403,
                404,
                400,
                401,
                401,
                401),
            new Endpoint(
                "assign unassigned complaint to self",
                false,
                "PATCH",
                (b, id) -> "/api/v1/complaints/" + id + "/assign",
                (f, who) -> Map.of("assigned_porter_id", self(f, who).toString()),
                200,
                200,
                200,
                403,
                401,
                401,
                401),
            new Endpoint(
                "assign complaint to the other porter",
                true,
                "PATCH",
                (b, id) -> "/api/v1/complaints/" + id + "/assign",
                (f, who) -> Map.of("assigned_porter_id", f.other().toString()),
                200,
                403,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "take someone else's complaint",
                true,
                "PATCH",
                (b, id) -> "/api/v1/complaints/" + id + "/assign",
                (f, who) -> Map.of("assigned_porter_id", self(f, who).toString()),
                200,
                200,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "combined change",
                true,
                "PATCH",
                (b, id) -> "/api/v1/complaints/" + id,
                (f, who) -> Map.of("status", "in_progress"),
                200,
                200,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "history",
                true,
                "GET",
                (b, id) -> "/api/v1/complaints/" + id + "/history",
                null,
                200,
                200,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "assignment records",
                true,
                "GET",
                (b, id) -> "/api/v1/complaints/" + id + "/assignments",
                null,
                200,
                403,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "porters",
                true,
                "GET",
                (b, id) -> "/api/v1/porters",
                null,
                200,
                200,
                200,
                403,
                401,
                401,
                401),
            new Endpoint(
                "hostels",
                true,
                "GET",
                (b, id) -> "/api/v1/hostels",
                null,
                200,
                200,
                200,
                200,
                401,
                401,
                401),
            new Endpoint(
                "categories",
                true,
                "GET",
                (b, id) -> "/api/v1/categories",
                null,
                200,
                200,
                200,
                200,
                200,
                401,
                401),
            new Endpoint(
                "profile",
                true,
                "GET",
                (b, id) -> "/api/v1/profile/me",
                null,
                200,
                200,
                200,
                403,
                401,
                401,
                401),
            new Endpoint(
                "change password with a wrong current one",
                true,
                "POST",
                (b, id) -> "/api/v1/profile/change-password",
                (f, who) ->
                    Map.of(
                        "current_password", "Not-The-Passw0rd", "new_password", "Another-Passw0rd"),
                400,
                400,
                400,
                403,
                401,
                401,
                401),
            new Endpoint(
                "register staff",
                true,
                "POST",
                (b, id) -> "/auth/register",
                (f, who) ->
                    Map.of(
                        "full_name",
                        "New Porter",
                        "email",
                        "new-" + UUID.randomUUID() + "@test.local",
                        "password",
                        "Good-Passw0rd"),
                201,
                403,
                403,
                403,
                401,
                401,
                401),
            adminOnly("audit log", "GET", "/api/v1/audit", null, 200),
            adminOnly("audit export", "GET", "/api/v1/audit/export.csv", null, 200),
            adminOnly("invitations", "GET", "/api/v1/staff/invitations", null, 200),
            // No mail in this context: an admin's invitation is refused (409), nothing stored.
            adminOnly(
                "invite",
                "POST",
                "/api/v1/staff/invitations",
                (f, who) ->
                    Map.of(
                        "email",
                        "invitee-" + UUID.randomUUID() + "@test.local",
                        "role",
                        "porter",
                        "full_name",
                        "Invitee"),
                409),
            adminOnly(
                "revoke unknown invitation",
                "DELETE",
                "/api/v1/staff/invitations/" + UUID.randomUUID(),
                null,
                404),
            adminOnly(
                "resend unknown invitation",
                "POST",
                "/api/v1/staff/invitations/" + UUID.randomUUID() + "/resend",
                null,
                409),
            anonymous(
                "accept invitation with an unknown token",
                "/auth/invitations/accept",
                (f, who) -> Map.of("token", "no-such-token", "password", "Good-Passw0rd"),
                400),
            anonymous(
                "forgot password",
                "/auth/password-reset",
                (f, who) -> Map.of("email", "nobody-" + UUID.randomUUID() + "@test.local"),
                202),
            anonymous(
                "reset password with an unknown link",
                "/auth/password-reset/confirm",
                (f, who) -> Map.of("token", "no-such-token", "new_password", "Good-Passw0rd"),
                400),
            staffOnly("own sessions", "GET", "/api/v1/profile/sessions", null, 200),
            staffOnly(
                "end an unknown own session",
                "DELETE",
                "/api/v1/profile/sessions/" + UUID.randomUUID(),
                null,
                404),
            staffOnly(
                "sign out other sessions",
                "POST",
                "/api/v1/profile/sessions/sign-out-others",
                null,
                200),
            staffOnly(
                "change own profile", "PATCH", "/api/v1/profile/me", (f, who) -> Map.of(), 200),
            staffOnly("own two-factor state", "GET", "/api/v1/profile/2fa", null, 200),
            staffOnly(
                "confirm two-factor without a started enrolment",
                "POST",
                "/api/v1/profile/2fa/confirm",
                (f, who) -> Map.of("code", "000000"),
                409),
            staffOnly(
                "turn off two-factor that is off",
                "POST",
                "/api/v1/profile/2fa/disable",
                (f, who) -> Map.of("code", "000000"),
                409),
            staffOnly(
                "start two-factor enrolment", "POST", "/api/v1/profile/2fa/enroll", null, 200),
            anonymous(
                "second login step with an unknown pending login",
                "/auth/login/2fa",
                (f, who) -> Map.of("mfa_token", "no-such-login", "code", "123456"),
                401),
            anonymous(
                "dashboard second step with an unknown pending login",
                "/auth/session/2fa",
                (f, who) -> Map.of("mfa_token", "no-such-login", "code", "123456"),
                401),
            anonymous(
                "enrolment during an unknown pending login",
                "/auth/login/2fa/enroll",
                (f, who) -> Map.of("mfa_token", "no-such-login"),
                401),
            new Endpoint(
                "read comments of assigned complaint",
                true,
                "GET",
                (b, id) -> "/api/v1/complaints/" + id + "/comments",
                null,
                200,
                200,
                404,
                200,
                401,
                401,
                401),
            new Endpoint(
                "write internal note on assigned complaint",
                true,
                "POST",
                (b, id) -> "/api/v1/complaints/" + id + "/comments",
                (f, who) -> Map.of("body", "Parts ordered", "visibility", "internal"),
                201,
                201,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "write public comment on unassigned complaint",
                false,
                "POST",
                (b, id) -> "/api/v1/complaints/" + id + "/comments",
                (f, who) -> Map.of("body", "Still dripping", "visibility", "public"),
                201,
                201,
                201,
                201,
                401,
                401,
                401),
            new Endpoint(
                "read SLA policies",
                true,
                "GET",
                (b, id) -> "/api/v1/sla/policies",
                null,
                200,
                200,
                200,
                403,
                401,
                401,
                401),
            new Endpoint(
                "set an SLA target",
                true,
                "PUT",
                (b, id) -> "/api/v1/sla/policies",
                (f, who) ->
                    Map.of(
                        "category",
                        "carpentry",
                        "priority",
                        "low",
                        "response_minutes",
                        1620,
                        "resolution_minutes",
                        5400),
                200,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "set priority of assigned complaint",
                true,
                "PATCH",
                (b, id) -> "/api/v1/complaints/" + id,
                (f, who) -> Map.of("priority", "urgent"),
                200,
                200,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "similar complaints",
                true,
                "GET",
                (b, id) -> "/api/v1/complaints/" + id + "/similar",
                null,
                200,
                200,
                404,
                200,
                401,
                401,
                401),
            new Endpoint(
                "similar to a draft",
                true,
                "POST",
                (b, id) -> "/api/v1/complaints/similar",
                (f, who) ->
                    Map.of(
                        "hostel", "block-a",
                        "room_number", "A312",
                        "category", "plumbing",
                        "description", "Tap leaking"),
                200,
                200,
                200,
                200,
                401,
                401,
                401),
            new Endpoint(
                "unmerge a complaint that is not merged",
                true,
                "DELETE",
                (b, id) -> "/api/v1/complaints/" + id + "/merge",
                null,
                422,
                422,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "export as CSV",
                true,
                "GET",
                (b, id) -> "/api/v1/complaints/export.csv?q=" + id,
                null,
                200,
                200,
                200,
                403,
                401,
                401,
                401),
            new Endpoint(
                "bulk action (per-item results)",
                true,
                "POST",
                (b, id) -> "/api/v1/complaints/bulk",
                (f, who) ->
                    Map.of(
                        "ids",
                        List.of(UUID.randomUUID().toString()),
                        "action",
                        "status",
                        "status",
                        "in_progress"),
                200,
                200,
                200,
                200,
                401,
                401,
                401),
            new Endpoint(
                "scheduled purge report",
                true,
                "GET",
                (b, id) -> "/api/v1/admin/purge/schedule",
                null,
                200,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "portal reporter contact",
                true,
                "GET",
                (b, id) -> "/api/v1/complaints/" + id + "/reporter",
                null,
                404,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "revoke tracking link",
                true,
                "DELETE",
                (b, id) -> "/api/v1/complaints/" + id + "/tracking-link",
                null,
                404,
                404,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "mark as spam",
                true,
                "POST",
                (b, id) -> "/api/v1/complaints/" + id + "/spam",
                null,
                404,
                404,
                404,
                403,
                401,
                401,
                401),
            new Endpoint(
                "public form stamp",
                true,
                "GET",
                (b, id) -> "/api/v1/public/form",
                null,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Endpoint(
                "public known problems of a hostel",
                true,
                "GET",
                (b, id) -> "/api/v1/public/incidents?hostel=block-a",
                null,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Endpoint(
                "public tracking with an unknown token",
                true,
                "GET",
                (b, id) -> "/api/v1/public/track/unknown-token-0000000000000000000",
                null,
                404,
                404,
                404,
                404,
                404,
                404,
                404),
            new Endpoint(
                "purge dry run",
                true,
                "DELETE",
                (b, id) -> "/api/v1/admin/purge",
                (f, who) -> Map.of("dry_run", true),
                200,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "single sign-on offer",
                true,
                "GET",
                (b, id) -> "/auth/sso",
                null,
                200,
                200,
                200,
                200,
                200,
                401,
                401),
            new Endpoint(
                "list assignment rules",
                true,
                "GET",
                (b, id) -> "/api/v1/assignment-rules",
                null,
                200,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "create assignment rule with a bad hostel",
                true,
                "POST",
                (b, id) -> "/api/v1/assignment-rules",
                (f, who) ->
                    Map.of(
                        "name",
                        "matrix",
                        "hostel",
                        "nowhere",
                        "porter_ids",
                        List.of(f.assigned().toString())),
                422,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "read an unknown assignment rule",
                true,
                "GET",
                (b, id) -> "/api/v1/assignment-rules/" + id,
                null,
                404,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "replace an unknown assignment rule",
                true,
                "PUT",
                (b, id) -> "/api/v1/assignment-rules/" + id,
                (f, who) -> Map.of("name", "x"),
                404,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "delete an unknown assignment rule",
                true,
                "DELETE",
                (b, id) -> "/api/v1/assignment-rules/" + id,
                null,
                404,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "read own duty",
                true,
                "GET",
                (b, id) -> "/api/v1/profile/duty",
                null,
                200,
                200,
                200,
                403,
                401,
                401,
                401),
            new Endpoint(
                "go on duty",
                true,
                "PUT",
                (b, id) -> "/api/v1/profile/duty",
                (f, who) -> Map.of("on_duty", true),
                200,
                200,
                200,
                403,
                401,
                401,
                401),
            new Endpoint(
                "declare an incident without scope",
                true,
                "POST",
                (b, id) -> "/api/v1/incidents",
                (f, who) ->
                    Map.of(
                        "title", "Water off",
                        "category", "plumbing",
                        "message", "Being fixed",
                        "scope", List.of()),
                422,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "list active incidents",
                true,
                "GET",
                (b, id) -> "/api/v1/incidents?status=active&hostel=block-a",
                null,
                200,
                200,
                200,
                200,
                401,
                401,
                401),
            new Endpoint(
                "link to an unknown incident",
                true,
                "POST",
                (b, id) -> "/api/v1/incidents/" + UUID.randomUUID() + "/link",
                (f, who) -> Map.of("complaint_ids", List.of(UUID.randomUUID().toString())),
                404,
                403,
                403,
                403,
                401,
                401,
                401),
            new Endpoint(
                "backup now",
                true,
                "POST",
                (b, id) -> "/api/v1/admin/backups",
                null,
                201,
                403,
                403,
                403,
                401,
                401,
                401));
    List<Arguments> cells = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      for (Who who : Who.values()) {
        cells.add(Arguments.of(endpoint.name(), who, endpoint, endpoint.expected()[who.ordinal()]));
      }
    }
    return cells.stream();
  }

  /** An endpoint only admins may use: the admin gets {@code adminStatus}, other staff 403. */
  static Endpoint adminOnly(
      String name,
      String method,
      String path,
      @Nullable BiFunction<Fixtureless, Who, Object> body,
      int adminStatus) {
    return new Endpoint(
        name, true, method, (b, id) -> path, body, adminStatus, 403, 403, 403, 401, 401, 401);
  }

  /** An endpoint of one's own account: every staff member gets {@code status}, the bot 403. */
  static Endpoint staffOnly(
      String name,
      String method,
      String path,
      @Nullable BiFunction<Fixtureless, Who, Object> body,
      int status) {
    return new Endpoint(
        name, true, method, (b, id) -> path, body, status, status, status, 403, 401, 401, 401);
  }

  /**
   * An endpoint anyone may call (a login step, a link from a mail): the same answer for every
   * caller, except that a bad bearer token is refused before the endpoint is reached.
   */
  static Endpoint anonymous(
      String name, String path, BiFunction<Fixtureless, Who, Object> body, int status) {
    return new Endpoint(
        name,
        true,
        "POST",
        (b, id) -> path,
        body,
        status,
        status,
        status,
        status,
        status,
        401,
        401);
  }

  @ParameterizedTest(name = "{0} as {1} → {3}")
  @MethodSource("matrix")
  void eachCallerGetsExactlyWhatTheRulesAllow(
      String name, Who who, Endpoint endpoint, int expected) {
    String complaintId = fixtures.submit().get("id").asString();
    if (endpoint.assigned()) {
      fixtures.assign(complaintId, assigned.id());
    }
    Api.Call call =
        api.call(endpoint.method(), endpoint.path().apply("", UUID.fromString(complaintId)))
            .token(tokens.get(who));
    if (endpoint.body() != null) {
      call.json(endpoint.body().apply(ids, who));
    }
    Api.Response response = call.send();
    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(response.header("Content-Type")).hasValue("application/problem+json");
      assertThat(response.json().get("detail").isString()).isTrue();
    }
  }

  /** Editing the assigned porter's internal note: only its author may, within ten minutes. */
  @ParameterizedTest(name = "edit an internal note as {0} → {1}")
  @MethodSource("noteEdits")
  void onlyTheAuthorEditsANote(Who who, int expected) {
    String complaintId = fixtures.submit().get("id").asString();
    fixtures.assign(complaintId, assigned.id());
    String path = "/api/v1/complaints/" + complaintId + "/comments";
    Api.Response note =
        api.post(path, assigned.token(), Map.of("body", "Keys at desk", "visibility", "internal"));
    assertThat(note.status()).isEqualTo(201);
    Api.Response response =
        api.call("PATCH", path + "/" + note.json().get("id").asString())
            .token(tokens.get(who))
            .json(Map.of("body", "Keys at the front desk"))
            .send();
    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
  }

  static Stream<Arguments> noteEdits() {
    int[] expected = {403, 200, 404, 404, 401, 401, 401};
    return Stream.of(Who.values()).map(w -> Arguments.of(w, expected[w.ordinal()]));
  }

  /** Who asks, about a complaint assigned to the "assigned" porter or not, in which status. */
  static Stream<Arguments> rights() {
    return Stream.of(
        Arguments.of(Who.ADMIN, false, "reported", List.of("in_progress"), true),
        Arguments.of(Who.ADMIN, true, "resolved", List.of("closed", "in_progress"), true),
        Arguments.of(Who.ADMIN, true, "closed", List.of(), false),
        Arguments.of(Who.PORTER_ASSIGNED, true, "reported", List.of("in_progress"), false),
        Arguments.of(
            Who.PORTER_ASSIGNED,
            true,
            "in_progress",
            List.of("resolved", "reported", "on_hold"),
            false),
        Arguments.of(Who.PORTER_ASSIGNED, true, "resolved", List.of("in_progress"), false),
        Arguments.of(Who.PORTER_NOT_ASSIGNED, false, "reported", List.of(), true),
        Arguments.of(Who.PORTER_NOT_ASSIGNED, false, "closed", List.of(), false),
        Arguments.of(Who.INTEGRATION, true, "in_progress", List.of(), false),
        Arguments.of(Who.INTEGRATION, true, "resolved", List.of("closed", "in_progress"), false),
        Arguments.of(Who.INTEGRATION, false, "reported", List.of(), false));
  }

  @ParameterizedTest(
      name = "{0} on a {2} complaint (assigned: {1}) may move it to {3}, assign: {4}")
  @MethodSource("rights")
  void aComplaintReadOrListedSaysWhatTheCallerMayDoWithIt(
      Who who, boolean isAssigned, String status, List<String> moves, boolean canAssign) {
    String reporter = Fixtures.reporter();
    String id = fixtures.submit(Fixtures.complaint(reporter)).get("id").asString();
    if (isAssigned) {
      fixtures.assign(id, assigned.id());
    }
    for (String step : List.of("in_progress", "resolved", "closed")) {
      if (status.equals("reported")) {
        break;
      }
      fixtures.move(id, step);
      if (step.equals(status)) {
        break;
      }
    }
    String token = tokens.get(who);
    Api.Response one = api.get("/api/v1/complaints/" + id, token);
    assertThat(one.status()).as(one.toString()).isEqualTo(200);
    assertRights(one.json(), moves, canAssign);
    Api.Response list = api.get("/api/v1/complaints?telegram_user_id=" + reporter, token);
    assertThat(list.json().get("items")).hasSize(1);
    assertRights(list.json().get("items").get(0), moves, canAssign);
  }

  @Test
  void writeAnswersSayWhatTheWriterMayDoNext() {
    Map<String, Object> body = Fixtures.complaint(Fixtures.reporter());
    assertRights(fixtures.submit(body), List.of(), false);
    Api.Response mine = api.post("/api/v1/complaints/submit", assigned.token(), body);
    assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
    assertRights(mine.json(), List.of(), true);
    Api.Response byAdmin = api.post("/api/v1/complaints/submit", tokens.get(Who.ADMIN), body);
    assertRights(byAdmin.json(), List.of("in_progress"), true);

    String id = mine.json().get("id").asString();
    Api.Response taken =
        api.patch(
            "/api/v1/complaints/" + id,
            assigned.token(),
            Map.of("assigned_porter_id", assigned.id().toString(), "status", "in_progress"));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    assertRights(taken.json(), List.of("resolved", "reported", "on_hold"), false);
    Api.Response resolved =
        api.patch(
            "/api/v1/complaints/" + id + "/status", assigned.token(), Map.of("status", "resolved"));
    assertRights(resolved.json(), List.of("in_progress"), false);
    Api.Response handedOver =
        api.patch(
            "/api/v1/complaints/" + id + "/assign",
            tokens.get(Who.ADMIN),
            Map.of("assigned_porter_id", other.id().toString()));
    assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);
    assertRights(handedOver.json(), List.of("closed", "in_progress"), true);
  }

  private static void assertRights(JsonNode complaint, List<String> moves, boolean canAssign) {
    assertThat(complaint.get("allowed_transitions").valueStream().map(JsonNode::asString))
        .as("allowed_transitions of %s", complaint)
        .containsExactlyElementsOf(moves);
    assertThat(complaint.get("can_assign").asBoolean())
        .as("can_assign of %s", complaint)
        .isEqualTo(canAssign);
  }

  @Test
  void tokensSignedWithAnotherSecretOrWithoutSignatureAreRefused() throws JOSEException {
    String forged =
        token(
            ids.admin(),
            "another-secret-that-is-long-enough-for-hs256",
            Instant.now().plusSeconds(600));
    assertThat(api.get("/api/v1/complaints", forged).status()).isEqualTo(401);
    String unsigned = forged.substring(0, forged.lastIndexOf('.') + 1);
    assertThat(api.get("/api/v1/complaints", unsigned).status()).isEqualTo(401);
  }

  @Test
  void aBasicHeaderIsNeverAcceptedNorAskedFor() {
    Api.Response response =
        api.call("GET", "/api/v1/complaints")
            .header("Authorization", "Basic YWRtaW46YWRtaW4=")
            .send();
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate").orElse("")).doesNotContainIgnoringCase("basic");
  }

  @Test
  void aTelegramUserIdDoesNotOpenComplaintsToAnonymousCallers() {
    String reporter = Fixtures.reporter();
    fixtures.submit(Fixtures.complaint(reporter));
    assertThat(api.get("/api/v1/complaints?telegram_user_id=" + reporter, null).status())
        .isEqualTo(401);
  }

  private static UUID self(Fixtureless f, Who who) {
    return switch (who) {
      case ADMIN -> f.admin();
      case PORTER_NOT_ASSIGNED -> f.other();
      default -> f.assigned();
    };
  }

  private static String token(UUID subject, String secret, Instant expires) throws JOSEException {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(subject.toString())
            .claim("role", "admin")
            .issueTime(Date.from(expires.minusSeconds(3600)))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }
}
