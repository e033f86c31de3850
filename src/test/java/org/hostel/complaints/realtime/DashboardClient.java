package org.hostel.complaints.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hostel.complaints.testing.Api;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A dashboard as a test sees it: the messages it got, in order, and how it was closed. */
final class DashboardClient implements WebSocket.Listener, AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private DashboardClient(String url) {
    this.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
  }

  /** Opens {@code /ws/dashboard} on {@code base} (http://host:port) with the token, if any. */
  static DashboardClient open(String base, @Nullable String token) {
    String ws = base.replaceFirst("^http", "ws") + "/ws/dashboard";
    return new DashboardClient(token == null ? ws : ws + "?token=" + token);
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message, failing the test when none comes in time. */
  String next() {
    try {
      String message = messages.poll(10, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no dashboard message within 10 s");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next event, skipping nothing: every message a dashboard gets is an event or a pong. */
  JsonNode nextEvent() {
    return Api.JSON.readTree(next());
  }

  /** The close code the server sent, waiting for it. */
  int closeCode() {
    try {
      return closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("socket not closed by the server within 10 s", e);
    }
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    socket.abort();
  }
}
