package org.hostel.complaints.realtime;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.StringUtils;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(RealtimeSettings.class)
class RealtimeConfig implements WebSocketConfigurer {

  private static final String TOMCAT_WEBSOCKET_BUFFER =
      "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

  static {
    // Tomcat gives every WebSocket three message buffers of this size (8 KB by default), read
    // once when its WebSocket classes load, which is after this configuration class. Dashboard
    // traffic is a few hundred bytes a message; at 10,000 sockets the defaults alone cost 240 MB
    // of heap. Larger messages still pass, in several writes.
    if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
      System.setProperty(TOMCAT_WEBSOCKET_BUFFER, "2048");
    }
  }

  /** Connections kept free for plain HTTP when every dashboard socket slot is taken. */
  private static final int HTTP_HEADROOM = 2_000;

  private final DashboardSocket socket;
  private final DashboardHandshake handshake;
  private final RealtimeSettings settings;

  RealtimeConfig(DashboardSocket socket, DashboardHandshake handshake, RealtimeSettings settings) {
    this.socket = socket;
    this.handshake = handshake;
    this.settings = settings;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(socket, "/ws/dashboard")
        .addInterceptors(handshake)
        .setAllowedOrigins(settings.allowedOrigins().toArray(String[]::new));
  }

  /** Clients only ever send {@code ping}; anything large is refused by the container (1009). */
  @Bean
  ServletServerContainerFactoryBean webSocketContainer() {
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(1024);
    container.setMaxBinaryMessageBufferSize(1024);
    return container;
  }

  /**
   * Tomcat accepts 8,192 connections by default and every socket holds one, so the socket cap could
   * never be reached; make room for it plus ordinary requests.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> roomForDashboardSockets() {
    return factory ->
        factory.addConnectorCustomizers(
            connector -> {
              if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxConnections(
                    Math.max(
                        protocol.getMaxConnections(), settings.maxConnections() + HTTP_HEADROOM));
              }
              // Each open connection keeps a read and a write buffer (8 KB each by default);
              // requests and dashboard messages are small, and larger ones are read in turns.
              connector.setProperty("socket.appReadBufSize", "4096");
              connector.setProperty("socket.appWriteBufSize", "4096");
            });
  }

  @Bean
  @Conditional(RedisConfigured.class)
  RedisFanout redisFanout(StringRedisTemplate redis, DashboardSessions sessions, JsonMapper json) {
    return new RedisFanout(redis, settings.redisChannel(), sessions, json);
  }

  @Bean
  @Conditional(RedisConfigured.class)
  RedisMessageListenerContainer dashboardSubscription(
      RedisConnectionFactory connections, RedisFanout fanout) {
    RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    container.setConnectionFactory(connections);
    container.addMessageListener(fanout, new ChannelTopic(settings.redisChannel()));
    container.setRecoveryInterval(1_000);
    return container;
  }

  @Bean
  @Conditional(RedisNotConfigured.class)
  LocalFanout localFanout(DashboardSessions sessions) {
    return new LocalFanout(sessions);
  }

  /** Redis is used once {@code SPRING_DATA_REDIS_URL} names one. */
  static final class RedisConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return StringUtils.hasText(context.getEnvironment().getProperty("spring.data.redis.url"));
    }
  }

  static final class RedisNotConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new RedisConfigured().matches(context, metadata);
    }
  }
}
