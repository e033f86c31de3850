package org.hostel.complaints.telegram;

import com.pengrad.telegrambot.TelegramBot;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.hostel.complaints.complaint.ComplaintPolicy;
import org.hostel.complaints.complaint.ComplaintService;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.incident.ActiveIncidents;
import org.hostel.complaints.observability.Spans;
import org.hostel.complaints.outbox.Outbox;
import org.hostel.complaints.photo.PhotoIntake;
import org.hostel.complaints.scheduling.Leases;
import org.hostel.complaints.staff.StaffService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The bot's parts, present only with a bot token. */
@Configuration(proxyBeanMethods = false)
@BotEnabled
@EnableConfigurationProperties(TelegramSettings.class)
class TelegramConfig {

  /**
   * pengrad's client against the configured Bot API server: both the method URL and the file
   * download URL follow {@code COMPLAINTS_TELEGRAM_API_URL}.
   */
  @Bean(destroyMethod = "shutdown")
  TelegramBot telegramBot(TelegramSettings settings) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .writeTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(20))
            .build();
    return new TelegramBot.Builder(Objects.requireNonNull(settings.botToken()))
        .apiUrl(settings.api() + "/bot")
        .fileApiUrl(settings.api() + "/file/bot")
        .okHttpClient(http)
        .build();
  }

  @Bean
  BotApi botApi(TelegramBot bot, Spans spans) {
    return new BotApi(bot, spans);
  }

  @Bean
  TelegramSender telegramSender(BotApi api, JsonMapper json, MeterRegistry meters) {
    return new TelegramSender(api, json, meters);
  }

  @Bean
  Texts telegramTexts() {
    return new Texts(Locale.ENGLISH);
  }

  @Bean
  BotState botState(Clock clock) {
    return new BotState(clock);
  }

  @Bean
  BotCheck botCheck(BotState state) {
    return new BotCheck(state);
  }

  @Bean
  ConversationRepository conversationRepository(JdbcClient jdbc, JsonMapper json) {
    return new ConversationRepository(jdbc, json);
  }

  @Bean
  Confirmations confirmations(
      Reporting reporting,
      Texts texts,
      TelegramSettings settings,
      TransactionTemplate tx,
      Clock clock) {
    return new Confirmations(reporting, texts, settings.confirmAfter(), tx, clock);
  }

  @Bean
  StaffLinks staffLinks(JdbcClient jdbc) {
    return new StaffLinks(jdbc);
  }

  @Bean
  StaffAlerts staffAlerts(StaffLinks links, StaffService staff, Texts texts, Clock clock, Bot bot) {
    return new StaffAlerts(links, staff, texts, clock, bot::store);
  }

  @Bean
  Bot bot(
      ConversationRepository repository,
      Confirmations confirmations,
      StaffLinks links,
      StaffService staff,
      ComplaintService complaints,
      ComplaintPolicy policy,
      TelegramSettings settings,
      Reporting reporting,
      ActiveIncidents incidents,
      PhotoIntake intake,
      BotApi api,
      Outbox outbox,
      Texts texts,
      TransactionTemplate tx,
      JsonMapper json,
      MeterRegistry meters,
      Clock clock) {
    ConversationStore store = new ConversationStore(repository, settings.conversationTtl());
    Keyboards keys = new Keyboards(reporting, texts);
    Bot bot =
        new Bot(
            repository,
            store,
            new ReportFlow(reporting, keys, texts, store, incidents, settings.maxPhotos()),
            new Follow(reporting, keys, texts, settings.pageSize()),
            new Flood(settings.messagesPerMinute()),
            new Attachments(api, intake, texts),
            confirmations,
            new StaffDesk(links, staff, complaints, policy, texts),
            api,
            outbox,
            texts,
            tx,
            json,
            meters,
            clock);
    confirmations.storeWith(bot);
    return bot;
  }

  @Bean
  ReporterNotices reporterNotices(Bot bot, Texts texts) {
    return new ReporterNotices(bot, texts);
  }

  @Bean
  ReporterUpdates reporterUpdates(Bot bot, Texts texts) {
    return new ReporterUpdates(bot, texts);
  }

  /** Polling, or registering the webhook, whichever mode is configured. */
  @Bean
  Receiver telegramReceiver(
      TelegramSettings settings, Leases leases, BotApi api, Bot bot, BotState state) {
    if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
      return new Receiver.Webhook(settings, api, state);
    }
    return new Receiver.Polling(
        new Poller(leases, api, bot, state, settings.pollTimeout(), settings.leaseTtl()));
  }

  /** Telegram authenticates itself with the secret header; no bearer token applies here. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 30)
  SecurityFilterChain telegramWebhook(HttpSecurity http) throws Exception {
    return http.securityMatcher("/telegram/webhook")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .build();
  }
}
