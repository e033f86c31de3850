package org.hostel.complaints.realtime;

import org.hostel.complaints.staff.Caller;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * {@code WS /ws/dashboard}: admits staff whose token the handshake verified, answers {@code ping}
 * with {@code pong}, and otherwise only listens for signs of life; events are pushed by {@link
 * DashboardSessions}.
 */
@Component
class DashboardSocket extends AbstractWebSocketHandler {

  /** Missing, invalid, expired or revoked token. */
  static final int BAD_TOKEN = 4001;

  /** A valid credential that is not a staff member's (the integration's service token). */
  static final int NOT_STAFF = 4003;

  /** The account already holds its maximum of sockets on this instance. */
  static final int TOO_MANY_FOR_ACCOUNT = 4029;

  private static final TextMessage PONG = new TextMessage("pong");

  private static final String BLOCKING_SEND_TIMEOUT =
      "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

  private final DashboardSessions sessions;
  private final long sendTimeLimitMillis;

  DashboardSocket(DashboardSessions sessions, RealtimeSettings settings) {
    this.sessions = sessions;
    this.sendTimeLimitMillis = settings.sendTimeLimit().toMillis();
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) throws Exception {
    if (!(session.getAttributes().get(DashboardHandshake.CALLER) instanceof Caller caller)) {
      session.close(new CloseStatus(BAD_TOKEN, "a valid staff token is required"));
      return;
    }
    if (!caller.isStaff()) {
      session.close(new CloseStatus(NOT_STAFF, "the dashboard is for staff"));
      return;
    }
    if (session instanceof NativeWebSocketSession wrapped
        && wrapped.getNativeSession() instanceof jakarta.websocket.Session tomcat) {
      // A write to a client that stopped reading gives up after the send time limit instead of
      // holding its thread for Tomcat's default 20 s.
      tomcat.getUserProperties().put(BLOCKING_SEND_TIMEOUT, sendTimeLimitMillis);
    }
    switch (sessions.open(session, caller)) {
      case ACCEPTED -> {}
      case FULL ->
          session.close(CloseStatus.SERVICE_OVERLOAD.withReason("instance full, try again later"));
      case ACCOUNT_FULL ->
          session.close(
              new CloseStatus(TOO_MANY_FOR_ACCOUNT, "this account holds its maximum of sockets"));
      case STOPPING -> session.close(CloseStatus.GOING_AWAY.withReason("server shutting down"));
    }
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    Connection connection = DashboardSessions.connection(session);
    if (connection == null) {
      return;
    }
    connection.heard();
    if (message.getPayload().strip().equalsIgnoreCase("ping")) {
      connection.send(PONG);
    }
  }

  @Override
  protected void handlePongMessage(WebSocketSession session, PongMessage message) {
    Connection connection = DashboardSessions.connection(session);
    if (connection != null) {
      connection.heard();
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    sessions.closed(session);
  }
}
