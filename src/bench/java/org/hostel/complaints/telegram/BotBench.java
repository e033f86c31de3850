package org.hostel.complaints.telegram;

import java.util.HashMap;
import java.util.Map;
import org.hostel.complaints.ComplaintsApplication;
import org.hostel.complaints.testing.TestSetup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service for a bot benchmark: a random local port, no rate limits, the bot on {@code api}. */
final class BotBench {

  private BotBench() {}

  static ConfigurableApplicationContext start(FakeBotApi api, Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(extra);
    props.put("server.port", "0");
    props.put("server.address", "127.0.0.1");
    props.put("complaints.data-dir", TestSetup.tempDataDir());
    props.put("complaints.auth.admin-email", TestSetup.ADMIN_EMAIL);
    props.put("complaints.auth.admin-password", TestSetup.ADMIN_PASSWORD);
    props.put("complaints.auth.service-token", TestSetup.SERVICE_TOKEN);
    props.put("complaints.auth.jwt-secret", TestSetup.JWT_SECRET);
    props.put("complaints.rate-limit.enabled", "false");
    props.put("complaints.telegram.bot-token", FakeBotApi.TOKEN);
    props.put("complaints.telegram.api-url", api.url());
    props.put("complaints.telegram.poll-timeout", "1s");
    props.put("logging.level.root", "WARN");
    return new SpringApplicationBuilder(ComplaintsApplication.class)
        .run(
            props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }
}
