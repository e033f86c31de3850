package org.hostel.complaints.realtime;

import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One open dashboard socket. Messages for it queue here and go out one at a time, in order, through
 * the container's asynchronous send: a write in flight holds no thread, and the next one starts
 * from the completion of the last. So a slow or stuck client delays nobody else and costs no
 * thread; a client that lets too much pile up is disconnected. Pings (one per interval) have no
 * asynchronous form in the WebSocket API and take a virtual thread of their own, in their turn.
 */
final class Connection {

  private final WebSocketSession session;
  private final RemoteEndpoint.@Nullable Async async;
  private final Caller caller;
  private final long bufferLimit;
  private final Queue<WebSocketMessage<?>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean writing = new AtomicBoolean();
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile long writingSinceNanos;

  Connection(WebSocketSession session, Caller caller, long bufferLimit) {
    this.session = session;
    this.caller = caller;
    this.bufferLimit = bufferLimit;
    jakarta.websocket.Session container =
        session instanceof NativeWebSocketSession n
            ? n.getNativeSession(jakarta.websocket.Session.class)
            : null;
    this.async = container == null ? null : container.getAsyncRemote();
  }

  Caller caller() {
    return caller;
  }

  String id() {
    return session.getId();
  }

  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  long silentNanos(long now) {
    return now - lastHeardNanos;
  }

  /** How long the current write has been in flight, or 0 when none is. */
  long stuckNanos(long now) {
    long since = writingSinceNanos;
    return since == 0 ? 0 : now - since;
  }

  void send(WebSocketMessage<?> message) {
    if (queuedBytes.addAndGet(message.getPayloadLength()) > bufferLimit) {
      close(CloseStatus.SESSION_NOT_RELIABLE.withReason("too slow to keep up"));
      return;
    }
    queue.add(message);
    if (writing.compareAndSet(false, true)) {
      pump();
    }
  }

  void close(CloseStatus status) {
    queue.clear();
    try {
      session.close(status);
    } catch (IOException | RuntimeException e) {
      // Already closed or broken; the close callback removes it either way.
    }
  }

  /**
   * Starts the next write; runs while writes complete at once (a trampoline, so a long queue that
   * the socket takes immediately does not recurse), and returns when one is left in flight, whose
   * completion calls it again. Only the holder of {@code writing} runs it.
   */
  private void pump() {
    while (true) {
      WebSocketMessage<?> next = queue.poll();
      if (next == null) {
        writing.set(false);
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      if (!session.isOpen()) {
        queuedBytes.addAndGet(-next.getPayloadLength());
        continue;
      }
      writingSinceNanos = System.nanoTime();
      if (async == null || !(next instanceof TextMessage text)) {
        WebSocketMessage<?> blocking = next;
        Thread.startVirtualThread(
            () -> {
              written(blocking, sendBlocking(blocking));
              pump();
            });
        return;
      }
      AtomicBoolean handedOff = new AtomicBoolean();
      try {
        async.sendText(
            text.getPayload(),
            result -> {
              written(text, result.isOK());
              if (!handedOff.compareAndSet(false, true)) {
                pump();
              }
            });
      } catch (RuntimeException e) {
        written(text, false);
        continue;
      }
      if (handedOff.compareAndSet(false, true)) {
        return; // still in flight: its completion goes on
      }
    }
  }

  private boolean sendBlocking(WebSocketMessage<?> message) {
    try {
      session.sendMessage(message);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void written(WebSocketMessage<?> message, boolean ok) {
    writingSinceNanos = 0;
    queuedBytes.addAndGet(-message.getPayloadLength());
    if (!ok) {
      close(CloseStatus.SESSION_NOT_RELIABLE);
    }
  }
}
