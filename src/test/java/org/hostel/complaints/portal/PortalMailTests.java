package org.hostel.complaints.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostel.complaints.testing.Eventually.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.complaint.ReporterUpdate;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.mail.SmtpServer;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.EmbeddedContext;
import org.hostel.complaints.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** E-mail for portal reporters, read from a real SMTP server: opt-in, updates, unsubscribe. */
// Settings of its own (the SMTP server's port): the context is never reused, so it is closed.
@DirtiesContext
@EmbeddedContext
class PortalMailTests {

  static final SmtpServer SMTP = SmtpServer.started();
  static final String ORIGIN = "https://complaints.example.org";
  static final Pattern LINK = Pattern.compile(Pattern.quote(ORIGIN) + "(/[^\\s<>\"]+)");

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::port);
    registry.add("complaints.mail.from", () -> "Hostel office <office@hostel.example>");
    registry.add("complaints.public-base-url", () -> ORIGIN);
    registry.add("complaints.outbox.first-retry", () -> "200ms");
    registry.add("complaints.outbox.max-retry-delay", () -> "1s");
    registry.add("complaints.portal.confirm-after", () -> "1ms");
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @Autowired PortalKeys keys;
  @Autowired Reporting reporting;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @Autowired AutoClose autoClose;

  @Test
  void anUnansweredResolvedReportIsClosedAsTheBotDoesAndTheReporterHearsOfIt(
      Api api, Fixtures fixtures) throws Exception {
    String to = address();
    Map<String, Object> body = PortalForms.report(keys, PortalForms.room());
    body.put("email", to);
    String token = PortalForms.submit(api, body);
    String id = PortalTests.complaintId(api, fixtures, "/api/v1/public/track/" + token);
    api.call("POST", "/portal/email/" + id + "/" + keys.emailCode(UUID.fromString(id))).send();
    fixtures.move(id, "in_progress");
    fixtures.move(id, "resolved");
    autoClose.closeUnanswered();
    Api.Response closed = api.get("/api/v1/public/track/" + token, null);
    assertThat(closed.json().get("status").asString()).isEqualTo("closed");
    assertThat(closed.json().get("can_rate").asBoolean()).isTrue();
    await("the closing mail", () -> SMTP.receivedBy(to).size() == 4);
    assertThat(SMTP.receivedBy(to).get(3).getSubject()).endsWith("is now closed");
  }

  @Test
  void onlyAConfirmedAddressGetsUpdatesAndEveryLinkInTheMailsWorks(Api api, Fixtures fixtures)
      throws Exception {
    String to = address();
    Map<String, Object> body = PortalForms.report(keys, PortalForms.room());
    body.put("email", to);
    String token = PortalForms.submit(api, body);
    String id = PortalTests.complaintId(api, fixtures, "/api/v1/public/track/" + token);

    await("the confirmation mail", () -> SMTP.receivedBy(to).size() == 1);
    MimeMessage confirmation = SMTP.receivedBy(to).getFirst();
    assertThat(confirmation.getSubject()).startsWith("Confirm updates for complaint C-");
    List<String> links = links(text(confirmation));
    assertThat(links).contains("/track/" + token);
    String confirm =
        links.stream().filter(l -> l.startsWith("/portal/email/")).findFirst().orElseThrow();
    assertThat(api.get("/track/" + token, null).status()).isEqualTo(200);

    fixtures.move(id, "in_progress"); // not confirmed yet: no mail
    assertThat(api.get(confirm, null).body()).contains("<form method=\"post\"");
    assertThat(api.call("POST", confirm).send().status()).isEqualTo(200);
    assertThat(
            api.get("/api/v1/complaints/" + id + "/reporter", fixtures.adminToken())
                .json()
                .get("email_confirmed")
                .asBoolean())
        .isTrue();

    fixtures.move(id, "resolved");
    await("the status mail", () -> SMTP.receivedBy(to).size() == 2);
    MimeMessage resolved = SMTP.receivedBy(to).get(1);
    assertThat(resolved.getSubject()).endsWith("is now resolved");
    String unsubscribe = resolved.getHeader("List-Unsubscribe")[0];
    assertThat(unsubscribe).startsWith("<" + ORIGIN + "/portal/unsubscribe/" + id + "/");

    tx.executeWithoutResult(
        s ->
            events.publishEvent(
                new ReporterUpdate(
                    reporting.find(UUID.fromString(id)).orElseThrow(),
                    "comment",
                    "A plumber comes on Friday morning.",
                    "comment:" + id + ":1")));
    await("the update mail", () -> SMTP.receivedBy(to).size() == 3);
    assertThat(text(SMTP.receivedBy(to).get(2))).contains("A plumber comes on Friday morning.");

    String path = unsubscribe.substring(1 + ORIGIN.length(), unsubscribe.length() - 1);
    Api.Response stopped =
        api.call("POST", path)
            .raw("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
            .send();
    assertThat(stopped.status()).isEqualTo(200);
    api.post("/api/v1/public/track/" + token + "/confirmation", null, Map.of("fixed", true));
    assertThat(pendingOrSent(to)).isEqualTo(3);
    assertThat(api.call("POST", path.substring(0, path.length() - 3) + "xyz").send().status())
        .isEqualTo(404);
  }

  @Test
  void aPublicCommentAndAnIncidentMessageReachAConfirmedAddressOnceEach(Api api, Fixtures fixtures)
      throws Exception {
    String to = address();
    Map<String, Object> body = PortalForms.report(keys, PortalForms.room());
    body.put("email", to);
    String token = PortalForms.submit(api, body);
    String id = PortalTests.complaintId(api, fixtures, "/api/v1/public/track/" + token);
    await("the confirmation mail", () -> SMTP.receivedBy(to).size() == 1);
    String confirm =
        links(text(SMTP.receivedBy(to).getFirst())).stream()
            .filter(l -> l.startsWith("/portal/email/"))
            .findFirst()
            .orElseThrow();
    assertThat(api.call("POST", confirm).send().status()).isEqualTo(200);
    String admin = fixtures.adminToken();

    Api.Response comment =
        api.post(
            "/api/v1/complaints/" + id + "/comments",
            admin,
            Map.of("body", "The plumber comes on Friday at 9.", "visibility", "public"));
    assertThat(comment.status()).as(comment.body()).isEqualTo(201);
    api.post(
        "/api/v1/complaints/" + id + "/comments",
        admin,
        Map.of("body", "Ask the warden for the key.", "visibility", "internal"));
    await("the comment mail", () -> SMTP.receivedBy(to).size() == 2);
    assertThat(text(SMTP.receivedBy(to).get(1))).contains("The plumber comes on Friday at 9.");

    JsonNode complaint = api.get("/api/v1/complaints/" + id, admin).json();
    Api.Response declared =
        api.post(
            "/api/v1/incidents",
            admin,
            Map.of(
                "title",
                "Water off",
                "category",
                complaint.get("category").asString(),
                "message",
                "Water is off in the whole wing until noon.",
                "scope",
                List.of(
                    Map.of(
                        "hostel", complaint.get("hostel").asString(),
                        "wings", List.of(complaint.get("wing").asString())))));
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    String incident = declared.json().get("id").asString();
    api.post(
        "/api/v1/incidents/" + incident + "/link", admin, Map.of("complaint_ids", List.of(id)));
    await("the incident mail", () -> SMTP.receivedBy(to).size() == 3);
    assertThat(text(SMTP.receivedBy(to).get(2))).contains("Water is off in the whole wing");
    api.post("/api/v1/incidents/" + incident + "/resolve", admin, Map.of());

    Thread.sleep(1000);
    List<String> texts = new java.util.ArrayList<>();
    for (MimeMessage m : SMTP.receivedBy(to)) {
      texts.add(text(m));
    }
    assertThat(texts).filteredOn(x -> x.contains("Ask the warden")).isEmpty();
    assertThat(texts).filteredOn(x -> x.contains("Water is off in the whole wing")).hasSize(1);
  }

  @Test
  void mailsWaitOutAMailServerOutageAndArriveInOrder(Api api, Fixtures fixtures) {
    String to = address();
    SMTP.stop();
    try {
      Map<String, Object> body = PortalForms.report(keys, PortalForms.room());
      body.put("email", to);
      String token = PortalForms.submit(api, body);
      String id = PortalTests.complaintId(api, fixtures, "/api/v1/public/track/" + token);
      UUID complaint = UUID.fromString(id);
      api.call("POST", "/portal/email/" + id + "/" + keys.emailCode(complaint)).send();
      fixtures.move(id, "in_progress");
      fixtures.move(id, "resolved");
      await("the first mail failed", () -> attempts(to) >= 1);
    } finally {
      SMTP.start();
    }
    await("all three arrive", () -> SMTP.receivedBy(to).size() == 3);
    assertThat(SMTP.receivedBy(to))
        .extracting(m -> m.getSubject().replaceAll("C-[0-9]+", "C-n"))
        .containsExactly(
            "Confirm updates for complaint C-n",
            "Complaint C-n is now in progress",
            "Complaint C-n is now resolved");
  }

  @Test
  void postersLinkToThePublicOriginWhenOneIsConfigured(Api api, Fixtures fixtures)
      throws Exception {
    byte[] png =
        PosterTests.download(
            api, "/api/v1/posters.png?hostel=block-a&room=C204", fixtures.adminToken());
    assertThat(PosterTests.decode(png)).startsWith(ORIGIN + "/report?h=block-a&r=C204&k=");
  }

  private long pendingOrSent(String to) {
    return jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = :to")
        .param("to", to)
        .query(Long.class)
        .single();
  }

  private long attempts(String to) {
    return jdbc.sql("SELECT coalesce(max(attempts), 0) FROM outbox_messages WHERE recipient = :to")
        .param("to", to)
        .query(Long.class)
        .single();
  }

  private static String address() {
    return "resident-" + UUID.randomUUID() + "@mail.example";
  }

  private static List<String> links(String text) {
    Matcher m = LINK.matcher(text);
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static String text(Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = text(multipart.getBodyPart(i));
        if (!found.isEmpty()) {
          return found;
        }
      }
      return "";
    }
    return part.isMimeType("text/plain") ? String.valueOf(content) : "";
  }
}
