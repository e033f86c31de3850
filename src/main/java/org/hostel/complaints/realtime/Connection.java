package org.hostel.complaints.realtime;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hostel.complaints.staff.Caller;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open dashboard socket. Messages for it queue here and a virtual thread of its own writes them
 * in order, so a slow or stuck client delays nobody else; a client that lets too much pile up is
 * disconnected.
 */
final class Connection {

  private final WebSocketSession session;
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

  /** How long the current write has been blocked, or 0 when none is in progress. */
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
      Thread.startVirtualThread(this::drain);
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

  private void drain() {
    do {
      WebSocketMessage<?> next;
      while ((next = queue.poll()) != null) {
        queuedBytes.addAndGet(-next.getPayloadLength());
        if (!session.isOpen()) {
          continue;
        }
        writingSinceNanos = System.nanoTime();
        try {
          session.sendMessage(next);
        } catch (IOException | RuntimeException e) {
          close(CloseStatus.SESSION_NOT_RELIABLE);
        } finally {
          writingSinceNanos = 0;
        }
      }
      writing.set(false);
    } while (!queue.isEmpty() && writing.compareAndSet(false, true));
  }
}
