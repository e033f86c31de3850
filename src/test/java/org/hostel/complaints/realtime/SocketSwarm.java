package org.hostel.complaints.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thousands of dashboard sockets for the benchmark, held by one selector thread with a minimal
 * WebSocket client (a JDK WebSocket per socket would cost the client more CPU than the server under
 * test). It answers pings as a browser does and records, for every event, the delay from the
 * event's {@code timestamp} (set by the server right after the commit) to its arrival.
 */
final class SocketSwarm implements AutoCloseable {

  private static final byte[] PONG = {(byte) 0x8A, (byte) 0x80, 1, 2, 3, 4};
  private static final String MARK = "\"timestamp\":\"";

  private final Selector selector;
  private final List<SocketChannel> channels = new ArrayList<>();
  private final List<Long> connectNanos = new ArrayList<>();
  private final long[] latenciesMs = new long[20_000_000];
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicLong pings = new AtomicLong();
  private final Thread reader;
  private volatile boolean running = true;

  SocketSwarm() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reader = new Thread(this::read, "swarm-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code count} sockets to {@code port}, {@code parallel} handshakes at a time. */
  void open(int port, List<String> tokens, int count, int parallel) throws Exception {
    ExecutorService connectors = Executors.newFixedThreadPool(parallel);
    List<Future<Void>> done = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (int t = 0; t < parallel; t++) {
      done.add(
          connectors.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                  connectOne(port, tokens.get(i % tokens.size()));
                }
                return null;
              }));
    }
    for (Future<Void> f : done) {
      f.get();
    }
    connectors.shutdown();
  }

  private void connectOne(int port, String token) throws IOException {
    long start = System.nanoTime();
    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String request =
        "GET /ws/dashboard?token="
            + token
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    ByteBuffer head = ByteBuffer.allocate(1024);
    while (!new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII)
        .contains("\r\n\r\n")) {
      if (channel.read(head) < 0) {
        throw new IOException("closed during handshake");
      }
    }
    String response = new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
    if (!response.startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + response.lines().findFirst().orElse(""));
    }
    long took = System.nanoTime() - start;
    channel.configureBlocking(false);
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    int end = response.indexOf("\r\n\r\n") + 4;
    buffer.put(head.array(), end, head.position() - end);
    synchronized (this) {
      connectNanos.add(took);
      channels.add(channel);
      selector.wakeup();
      channel.register(selector, SelectionKey.OP_READ, buffer);
    }
  }

  private void read() {
    while (running) {
      try {
        synchronized (this) {
          // Lets a registration that woke the selector get in first.
        }
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          SocketChannel channel = (SocketChannel) key.channel();
          ByteBuffer buffer = (ByteBuffer) key.attachment();
          try {
            if (channel.read(buffer) < 0) {
              close(key);
              continue;
            }
            frames(key, channel, buffer);
          } catch (IOException e) {
            close(key);
          }
        }
        selector.selectedKeys().clear();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void frames(SelectionKey key, SocketChannel channel, ByteBuffer buffer)
      throws IOException {
    buffer.flip();
    while (buffer.remaining() >= 2) {
      buffer.mark();
      int opcode = buffer.get() & 0x0F;
      int length = buffer.get() & 0x7F;
      if (length == 126) {
        if (buffer.remaining() < 2) {
          buffer.reset();
          break;
        }
        length = buffer.getShort() & 0xFFFF;
      }
      if (buffer.remaining() < length) {
        buffer.reset();
        break;
      }
      byte[] payload = new byte[length];
      buffer.get(payload);
      switch (opcode) {
        case 0x1 -> event(new String(payload, StandardCharsets.UTF_8));
        case 0x9 -> {
          pings.incrementAndGet();
          channel.write(ByteBuffer.wrap(PONG));
        }
        case 0x8 -> {
          close(key);
          return;
        }
        default -> {}
      }
    }
    buffer.compact();
  }

  private void event(String text) {
    int at = text.indexOf(MARK);
    if (at < 0) {
      return;
    }
    int from = at + MARK.length();
    Instant sent = Instant.parse(text.substring(from, text.indexOf('"', from)));
    long latency = System.currentTimeMillis() - sent.toEpochMilli();
    int slot = received.getAndIncrement();
    if (slot < latenciesMs.length) {
      latenciesMs[slot] = latency;
    }
  }

  private void close(SelectionKey key) {
    key.cancel();
    closed.incrementAndGet();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // Already gone.
    }
  }

  synchronized long[] connectMicros() {
    return connectNanos.stream().mapToLong(n -> n / 1_000).toArray();
  }

  int open() {
    synchronized (this) {
      return channels.size() - closed.get();
    }
  }

  int closed() {
    return closed.get();
  }

  int received() {
    return received.get();
  }

  long pingsAnswered() {
    return pings.get();
  }

  /** Event delays in milliseconds recorded from index {@code from} on. */
  long[] latencies(int from) {
    int to = Math.min(received.get(), latenciesMs.length);
    long[] copy = new long[Math.max(0, to - from)];
    System.arraycopy(latenciesMs, from, copy, 0, copy.length);
    return copy;
  }

  @Override
  public void close() {
    running = false;
    synchronized (this) {
      for (SocketChannel channel : channels) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // Closing anyway.
        }
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
  }
}
