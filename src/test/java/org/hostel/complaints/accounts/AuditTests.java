package org.hostel.complaints.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit log answers "who did this?": logins, account changes, exports; admins only. */
@EmbeddedContext
class AuditTests {

  @Test
  void loginsAreRecordedWithTheNameAndAddressButNeverThePassword(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    String wrong = "Wrong-Passw0rd-" + UUID.randomUUID();
    assertThat(
            api.post(
                    "/auth/login-json", null, Map.of("username", porter.email(), "password", wrong))
                .status())
        .isEqualTo(401);
    api.login(porter.email(), porter.password());

    List<JsonNode> rows = rows(api, fixtures, "action=login.&actor=" + porter.id());
    assertThat(rows)
        .extracting(r -> r.get("action").asString())
        .contains("login.failed", "login.succeeded");
    JsonNode failed =
        rows.stream()
            .filter(r -> r.get("action").asString().equals("login.failed"))
            .findFirst()
            .get();
    assertThat(failed.get("actor").asString()).isEqualTo(porter.email());
    assertThat(failed.get("detail").asString()).isEqualTo("wrong password");
    assertThat(failed.get("address").asString()).isEqualTo("127.0.0.1");
    assertThat(failed.get("request_id").asString()).isNotBlank();
    String all = api.get("/api/v1/audit?page_size=200", fixtures.adminToken()).body();
    assertThat(all).doesNotContain(wrong).doesNotContain(porter.password());
  }

  @Test
  void accountChangesNameTheAdminWhoMadeThem(Api api, Fixtures fixtures) {
    Fixtures.Staff porter = fixtures.porter();
    assertThat(
            api.patch(
                    "/api/v1/staff/" + porter.id(), fixtures.adminToken(), Map.of("active", false))
                .status())
        .isEqualTo(200);
    String admin = api.get("/api/v1/profile/me", fixtures.adminToken()).json().get("id").asString();
    List<JsonNode> rows =
        rows(api, fixtures, "action=staff.deactivated&actor=" + admin).stream()
            .filter(r -> r.get("target").asString().equals(porter.email()))
            .toList();
    assertThat(rows).hasSize(1);
    assertThat(
            rows(api, fixtures, "action=staff.created&actor=" + admin).stream()
                .anyMatch(r -> r.get("target").asString().equals(porter.email())))
        .isTrue();
  }

  @Test
  void filtersAndPagesNarrowTheLog(Api api, Fixtures fixtures) {
    Instant before = Instant.now().minusSeconds(1);
    String name = "nobody-" + UUID.randomUUID() + "@test.local";
    for (int i = 0; i < 3; i++) {
      api.post("/auth/login-json", null, Map.of("username", name, "password", "Xx-Passw0rd"));
    }
    String query = "action=login.failed&actor=" + name + "&from=" + before;
    JsonNode page =
        api.get("/api/v1/audit?" + query + "&page_size=2", fixtures.adminToken()).json();
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(page.get("total_pages").asLong()).isEqualTo(2);
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("items").get(0).get("detail").asString()).isEqualTo("unknown user");
    JsonNode second =
        api.get("/api/v1/audit?" + query + "&page_size=2&page=2", fixtures.adminToken()).json();
    assertThat(second.get("items")).hasSize(1);
    assertThat(
            api.get("/api/v1/audit?" + query + "&to=" + before, fixtures.adminToken())
                .json()
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void badFiltersAndNonAdminsAreRefused(Api api, Fixtures fixtures) {
    String admin = fixtures.adminToken();
    assertThat(api.get("/api/v1/audit?from=yesterday", admin).status()).isEqualTo(422);
    assertThat(api.get("/api/v1/audit?action=DROP%20TABLE", admin).status()).isEqualTo(422);
    assertThat(api.get("/api/v1/audit?actor=" + "x".repeat(400), admin).status()).isEqualTo(422);
    assertThat(api.get("/api/v1/audit?page_size=1000", admin).status()).isBetween(400, 422);
    assertThat(api.get("/api/v1/audit", fixtures.porter().token()).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/audit/export.csv", fixtures.porter().token()).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/audit", null).status()).isEqualTo(401);
  }

  @Test
  void theCsvExportIsFormulaSafeAndAudited(Api api, Fixtures fixtures) throws Exception {
    String evil = "=HYPERLINK(\"http://evil.example\",\"x\")" + UUID.randomUUID();
    api.post("/auth/login-json", null, Map.of("username", evil, "password", "Xx-Passw0rd"));
    String query = "action=login.failed&actor=" + URLEncoder.encode(evil, StandardCharsets.UTF_8);
    Api.Response csv = api.get("/api/v1/audit/export.csv?" + query, fixtures.adminToken());
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.body()))
            .getRecords();
    assertThat(records).hasSize(1);
    assertThat(records.getFirst().get("actor")).isEqualTo("'" + evil);
    assertThat(records.getFirst().get("action")).isEqualTo("login.failed");
    assertThat(AuditController.safe("-1+2")).isEqualTo("'-1+2");
    assertThat(AuditController.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditController.safe("plain")).isEqualTo("plain");
    assertThat(rows(api, fixtures, "action=audit.exported")).isNotEmpty();
  }

  static List<JsonNode> rows(Api api, Fixtures fixtures, String query) {
    Api.Response response = api.get("/api/v1/audit?page_size=200&" + query, fixtures.adminToken());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().get("items").valueStream().toList();
  }
}
