package org.hostel.complaints.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 written byte by byte over a socket, for requests that well-behaved clients refuse to
 * send: header values with bytes 0x80-0xFF, broken encodings, odd request targets.
 */
public final class RawHttp {

  private RawHttp() {}

  /** An answer: status, headers (lower-case names, last value wins) and the body as text. */
  public record Answer(int status, Map<String, String> headers, String body) {

    public JsonNode json() {
      return Api.JSON.readTree(body);
    }

    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  /**
   * Sends {@code head} (request line and headers, ISO-8859-1, lines joined with CRLF, without the
   * blank line) and {@code body}; {@code Host}, {@code Content-Length} and {@code Connection:
   * close} are added.
   */
  public static Answer send(int port, String head, byte[] body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
      request.writeBytes(
          ("\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      request.writeBytes(body);
      socket.getOutputStream().write(request.toByteArray());
      socket.getOutputStream().flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Declares a {@code Content-Length} of {@code declared} bytes but sends only {@code prefix}, then
   * waits at most {@code patienceMillis} for an answer: a server that answers has refused the body
   * without reading it; one that waits for the rest would have spooled it.
   */
  public static Answer sendBeginningOf(
      int port, String head, long declared, byte[] prefix, int patienceMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(patienceMillis);
      String headers =
          head + "\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: " + declared + "\r\n\r\n";
      socket.getOutputStream().write(headers.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(prefix);
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = socket.getInputStream().read(buffer)) >= 0) {
          answer.write(buffer, 0, n);
          String text = answer.toString(StandardCharsets.ISO_8859_1);
          if (complete(text)) {
            break;
          }
        }
      } catch (java.net.SocketTimeoutException waited) {
        throw new AssertionError(
            "no answer within " + patienceMillis + " ms: the server waited for the body");
      }
      return parse(answer.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(Locale.ROOT);
    int length = head.indexOf("content-length:");
    if (length >= 0) {
      int eol = head.indexOf("\r\n", length);
      long size = Long.parseLong(head.substring(length + 15, eol < 0 ? head.length() : eol).trim());
      return text.length() - end - 4 >= size;
    }
    return text.endsWith("0\r\n\r\n");
  }

  public static Answer send(int port, String head) {
    return send(port, head, new byte[0]);
  }

  private static Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("No complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(new java.io.ByteArrayInputStream(body));
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.writeBytes(in.readNBytes(length));
      in.read();
      in.read();
    }
  }
}
