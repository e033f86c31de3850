package org.hostel.complaints.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Builds staff and complaints through the API, with values unique to each test. */
public final class Fixtures {

  private final Api api;
  private final String adminToken;

  public Fixtures(Api api) {
    this.api = api;
    this.adminToken = api.login(TestSetup.ADMIN_EMAIL, TestSetup.ADMIN_PASSWORD);
  }

  public String adminToken() {
    return adminToken;
  }

  /** A staff member registered by the admin. */
  public record Staff(UUID id, String email, String password, String token) {}

  public Staff porter() {
    return staff("porter");
  }

  public Staff admin() {
    return staff("admin");
  }

  public Staff staff(String role) {
    String email = role + "-" + UUID.randomUUID() + "@test.local";
    String password = "Porter-Passw0rd";
    Api.Response created =
        api.post(
            "/auth/register",
            adminToken,
            Map.of(
                "full_name", "Test " + role, "email", email, "password", password, "role", role));
    if (created.status() != 201) {
      throw new AssertionError("registration failed: " + created);
    }
    UUID id = UUID.fromString(created.json().get("id").asString());
    return new Staff(id, email, password, api.login(email, password));
  }

  /** A telegram user id no other test uses, so lists can be narrowed to one test's data. */
  public static String reporter() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
  }

  public static Map<String, Object> complaint(String reporter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("telegram_user_id", reporter);
    body.put("hostel", "block-a");
    body.put("room_number", "A312");
    body.put("category", "plumbing");
    body.put("description", "Tap leaking since Monday");
    body.put("severity", "high");
    return body;
  }

  /** Submits as the integration and answers the created complaint. */
  public JsonNode submit(Map<String, Object> body) {
    Api.Response response = api.post("/api/v1/complaints/submit", TestSetup.SERVICE_TOKEN, body);
    if (response.status() != 201) {
      throw new AssertionError("submission failed: " + response);
    }
    return response.json();
  }

  public JsonNode submit() {
    return submit(complaint(reporter()));
  }

  public JsonNode assign(String complaintId, UUID porter) {
    Api.Response response =
        api.patch(
            "/api/v1/complaints/" + complaintId + "/assign",
            adminToken,
            Map.of("assigned_porter_id", porter.toString()));
    if (response.status() != 200) {
      throw new AssertionError("assignment failed: " + response);
    }
    return response.json();
  }

  public JsonNode move(String complaintId, String status) {
    Api.Response response =
        api.patch(
            "/api/v1/complaints/" + complaintId + "/status", adminToken, Map.of("status", status));
    if (response.status() != 200) {
      throw new AssertionError("status change failed: " + response);
    }
    return response.json();
  }
}
