package org.hostel.complaints.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hostel.complaints.testing.Api;
import org.hostel.complaints.testing.TestSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Webhook mode: the service registers its webhook and takes updates only with the secret. */
// Its servers stop after the class: close the context too, rather than keep it cached.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramWebhookTests {

  static final String SECRET = "webhook-secret-0123456789";
  static FakeBotApi telegram;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws IOException {
    TestSetup.common(registry);
    telegram = new FakeBotApi();
    registry.add("complaints.telegram.bot-token", () -> FakeBotApi.TOKEN);
    registry.add("complaints.telegram.api-url", telegram::url);
    registry.add("complaints.telegram.mode", () -> "webhook");
    registry.add("complaints.telegram.webhook-url", () -> "https://bot.example/telegram/webhook");
    registry.add("complaints.telegram.webhook-secret", () -> SECRET);
  }

  @LocalServerPort int port;
  Api api;

  @BeforeAll
  void connect() {
    api = Api.onPort(port);
  }

  @AfterAll
  void stop() {
    telegram.close();
  }

  @Test
  void theWebhookIsRegisteredAtStartUpWithItsSecret() {
    FakeBotApi.Call set = telegram.last("setWebhook");
    assertThat(set).isNotNull();
    assertThat(set.params())
        .containsEntry("url", "https://bot.example/telegram/webhook")
        .containsEntry("secret_token", SECRET);
    assertThat(telegram.polls()).isEmpty();
  }

  @Test
  void anUpdateWithTheRightSecretIsAnsweredOnceAndOneWithoutItIsRefused() {
    long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    Map<String, Object> update = telegram.textUpdate(chat, "/help");

    Api.Response wrong = post(update, "not-the-secret");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.header("Content-Type").orElseThrow()).contains("problem+json");
    assertThat(post(update, null).status()).isEqualTo(401);

    assertThat(post(update, SECRET).status()).isEqualTo(200);
    telegram.awaitText(chat, 0, "What I understand");
    assertThat(post(update, SECRET).status()).isEqualTo(200);
    Map<String, Object> next = telegram.textUpdate(chat, "/cancel");
    assertThat(post(next, SECRET).status()).isEqualTo(200);
    telegram.awaitText(chat, 0, "nothing to cancel");
    assertThat(telegram.sent(chat))
        .filteredOn(c -> c.text().contains("What I understand"))
        .hasSize(1);
    assertThat(post(Map.of("nonsense", true), SECRET).status()).isEqualTo(422);
  }

  private Api.Response post(Object body, String secret) {
    Api.Call call = api.call("POST", "/telegram/webhook").json(body);
    if (secret != null) {
      call.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return call.send();
  }
}
