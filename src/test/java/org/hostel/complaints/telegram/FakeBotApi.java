package org.hostel.complaints.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Bot API server speaking Telegram's HTTP/JSON: getUpdates with offsets and long-poll
 * timeouts, sendMessage, editMessageText, answerCallbackQuery, sendPhoto, getFile and the file
 * download, setWebhook and deleteWebhook; failures (429 with retry_after, 500, 403 per chat) can be
 * injected. Tests play the residents through it (public for the dashboard's browser tests, which
 * link a staff member's chat from the profile page).
 */
public final class FakeBotApi implements AutoCloseable {

  public static final String TOKEN = "123456:test-token";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A call the bot made, with its form parameters. */
  public record Call(String method, Map<String, String> params) {
    String chatId() {
      return params.getOrDefault("chat_id", "");
    }

    public String text() {
      return params.getOrDefault("text", "");
    }

    /** Callback data of every inline button, row by row. */
    List<String> buttons() {
      List<String> data = new ArrayList<>();
      String markup = params.get("reply_markup");
      if (markup != null) {
        JSON.readTree(markup)
            .get("inline_keyboard")
            .forEach(row -> row.forEach(b -> data.add(b.get("callback_data").asString())));
      }
      return data;
    }

    /** The data of the button whose label contains {@code label}. */
    String button(String label) {
      JsonNode rows = JSON.readTree(params.get("reply_markup")).get("inline_keyboard");
      for (JsonNode row : rows) {
        for (JsonNode b : row) {
          if (b.get("text").asString().contains(label)) {
            return b.get("callback_data").asString();
          }
        }
      }
      throw new AssertionError("no button '" + label + "' in " + params.get("reply_markup"));
    }
  }

  private final HttpServer server;
  private final List<Map<String, Object>> updates = new ArrayList<>();
  private final List<Map<String, Object>> replays = new ArrayList<>();
  private final List<Map<String, Object>> delivered = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, byte[]> files = new HashMap<>();
  private final Deque<Integer> failures = new ArrayDeque<>();
  private final Set<String> blocked = new HashSet<>();
  private final List<String> polls = new ArrayList<>();
  private final Map<String, List<Call>> byChat = new HashMap<>();
  private Duration patience = Duration.ofSeconds(15);
  private final Map<Long, List<String>> transcripts = new HashMap<>();
  private int nextUpdate = 1;
  private int nextMessage = 1;
  private boolean down;
  private int retryAfter = 1;

  public FakeBotApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::serve);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // What residents do.

  public synchronized int userSends(long chat, String text) {
    note(
        chat,
        "Resident: "
            + (text.length() > 80
                ? text.substring(0, 60) + "… (" + text.length() + " characters)"
                : text));
    return message(chat, Map.of("text", text));
  }

  synchronized int userSendsPhoto(long chat, byte[] image) {
    String id = "photo-" + files.size();
    files.put(id, image);
    note(chat, "Resident: [a photo]");
    return message(
        chat,
        Map.of(
            "photo",
            List.of(
                Map.of(
                    "file_id",
                    id,
                    "file_unique_id",
                    "u" + id,
                    "width",
                    64,
                    "height",
                    48,
                    "file_size",
                    image.length))));
  }

  synchronized int userSendsDocument(long chat, byte[] content, String name, String mime) {
    String id = "doc-" + files.size();
    files.put(id, content);
    note(chat, "Resident: [a file " + name + "]");
    return message(
        chat,
        Map.of(
            "document",
            Map.of(
                "file_id",
                id,
                "file_unique_id",
                "u" + id,
                "file_name",
                name,
                "mime_type",
                mime,
                "file_size",
                content.length)));
  }

  synchronized int userSendsSticker(long chat) {
    note(chat, "Resident: [a sticker]");
    return message(
        chat,
        Map.of(
            "sticker",
            Map.of(
                "file_id",
                "s1",
                "file_unique_id",
                "s1",
                "type",
                "regular",
                "width",
                512,
                "height",
                512,
                "is_animated",
                false,
                "is_video",
                false)));
  }

  synchronized int userTaps(long chat, String data) {
    note(chat, "Resident taps: " + label(chat, data));
    Map<String, Object> message =
        Map.of("message_id", lastMessageId(chat), "date", 1, "chat", chat(chat), "text", "…");
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("id", "cb" + nextUpdate);
    query.put("from", user(chat));
    query.put("message", message);
    query.put("chat_instance", "ci" + chat);
    query.put("data", data);
    return add(Map.of("callback_query", query));
  }

  /** The same update once more, as Telegram does when it was not acknowledged in time. */
  synchronized void resend(int updateId) {
    for (Map<String, Object> u : delivered) {
      if (u.get("update_id").equals(updateId)) {
        replays.add(u);
        notifyAll();
        return;
      }
    }
    throw new AssertionError("no update " + updateId);
  }

  /** A raw update as JSON, for posting to a webhook. */
  synchronized Map<String, Object> textUpdate(long chat, String text) {
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("update_id", nextUpdate++);
    update.put("message", messageBody(chat, Map.of("text", text)));
    return update;
  }

  // Failures.

  /** The next sends answer with these codes (429 carries retry_after). */
  synchronized void failNext(int... codes) {
    for (int code : codes) {
      failures.add(code);
    }
  }

  synchronized void outage(boolean on) {
    down = on;
  }

  synchronized void block(long chat) {
    blocked.add(Long.toString(chat));
  }

  // What the bot did.

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> sent(long chat) {
    return List.copyOf(byChat.getOrDefault(Long.toString(chat), List.of()));
  }

  /** Waits for the first message to the chat after the first {@code after} that matches. */
  /** How long {@link #awaitMessage} waits (longer under a benchmark's load). */
  synchronized void patience(Duration wait) {
    patience = wait;
  }

  Call awaitMessage(long chat, int after, Predicate<Call> matching) {
    long deadline = System.nanoTime() + patience.toNanos();
    synchronized (this) {
      while (true) {
        List<Call> all = byChat.getOrDefault(Long.toString(chat), List.of());
        for (int i = after; i < all.size(); i++) {
          if (matching.test(all.get(i))) {
            return all.get(i);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no matching message to " + chat + "; got " + all.stream().map(Call::text).toList());
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  public Call awaitText(long chat, int after, String contains) {
    return awaitMessage(chat, after, c -> c.text().contains(contains));
  }

  /** Which instance ({@code via} of its URL) made each getUpdates call so far, in order. */
  synchronized List<String> polls() {
    return List.copyOf(polls);
  }

  public synchronized int count(long chat) {
    return sent(chat).size();
  }

  synchronized @Nullable Call last(String method) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).method().equals(method)) {
        return calls.get(i);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The chat as a person would read it: what the resident sent, what the bot answered. */
  synchronized String transcript(long chat) {
    return String.join("\n", transcripts.getOrDefault(chat, List.of())) + "\n";
  }

  private void note(long chat, String line) {
    transcripts.computeIfAbsent(chat, c -> new ArrayList<>()).add(line);
  }

  private String label(long chat, String data) {
    for (Call c : sent(chat).reversed()) {
      String markup = c.params().get("reply_markup");
      if (markup == null) {
        continue;
      }
      for (JsonNode row : JSON.readTree(markup).get("inline_keyboard")) {
        for (JsonNode b : row) {
          if (b.get("callback_data").asString().equals(data)) {
            return "[" + b.get("text").asString() + "]";
          }
        }
      }
    }
    return "[a button with data " + data + "]";
  }

  private void botSaid(Map<String, String> params, boolean edited) {
    StringBuilder line = new StringBuilder(edited ? "Bot (edits its message): " : "Bot: ");
    line.append(params.getOrDefault("text", "").replace("\n", "\n     "));
    String markup = params.get("reply_markup");
    if (markup != null) {
      for (JsonNode row : JSON.readTree(markup).get("inline_keyboard")) {
        line.append("\n     ");
        for (JsonNode b : row) {
          line.append("[").append(b.get("text").asString()).append("] ");
        }
      }
    }
    note(Long.parseLong(params.get("chat_id")), line.toString().stripTrailing());
  }

  private int message(long chat, Map<String, Object> content) {
    return add(Map.of("message", messageBody(chat, content)));
  }

  private Map<String, Object> messageBody(long chat, Map<String, Object> content) {
    Map<String, Object> m = new LinkedHashMap<>(content);
    m.put("message_id", nextMessage++);
    m.put("date", 1);
    m.put("chat", chat(chat));
    m.put("from", user(chat));
    return m;
  }

  private int add(Map<String, Object> body) {
    Map<String, Object> update = new LinkedHashMap<>(body);
    int id = nextUpdate++;
    update.put("update_id", id);
    updates.add(update);
    notifyAll();
    return id;
  }

  private int lastMessageId(long chat) {
    List<Call> all = sent(chat);
    return all.isEmpty()
        ? 1
        : Integer.parseInt(all.getLast().params().getOrDefault("message_id", "1"));
  }

  private static Map<String, Object> chat(long chat) {
    return Map.of("id", chat, "type", "private", "first_name", "Resident");
  }

  private static Map<String, Object> user(long chat) {
    return Map.of("id", chat, "is_bot", false, "first_name", "Resident");
  }

  private void serve(HttpExchange exchange) throws IOException {
    String full = exchange.getRequestURI().getPath();
    // An instance may be pointed at http://host:port/<name>, so the tests can tell who polls.
    int bot = full.indexOf("/bot");
    int download = full.indexOf("/file/bot");
    int start = download >= 0 && download < bot ? download : bot;
    String via = start > 0 ? full.substring(1, start) : "";
    String path = start >= 0 ? full.substring(start) : full;
    try (exchange) {
      if (path.startsWith("/file/bot" + TOKEN + "/")) {
        byte[] file;
        synchronized (this) {
          file = files.get(path.substring(path.lastIndexOf('/') + 1));
        }
        if (file == null) {
          exchange.sendResponseHeaders(404, -1);
        } else {
          exchange.sendResponseHeaders(200, file.length);
          exchange.getResponseBody().write(file);
        }
        return;
      }
      if (!path.startsWith("/bot" + TOKEN + "/")) {
        answer(exchange, 401, error(401, "Unauthorized", null));
        return;
      }
      String method = path.substring(path.lastIndexOf('/') + 1);
      Map<String, String> params =
          form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (method.equals("getUpdates")) {
        synchronized (this) {
          polls.add(via);
        }
      }
      Object[] reply = method.equals("getUpdates") ? getUpdates(params) : call(method, params);
      answer(exchange, (Integer) reply[0], reply[1]);
    }
  }

  private Object[] getUpdates(Map<String, String> params) {
    int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
    long timeout = Long.parseLong(params.getOrDefault("timeout", "0"));
    long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
    synchronized (this) {
      while (true) {
        if (offset > 0) {
          updates.removeIf(u -> (Integer) u.get("update_id") < offset);
        }
        if (!updates.isEmpty() || !replays.isEmpty() || System.nanoTime() >= deadline) {
          List<Map<String, Object>> batch = new ArrayList<>(replays);
          batch.addAll(updates);
          replays.clear();
          delivered.addAll(updates);
          return new Object[] {200, ok(batch)};
        }
        try {
          wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          return new Object[] {200, ok(List.of())};
        }
      }
    }
  }

  private synchronized Object[] call(String method, Map<String, String> params) {
    boolean send =
        method.equals("sendMessage")
            || method.equals("editMessageText")
            || method.equals("sendPhoto");
    if (send && down) {
      return new Object[] {500, error(500, "Internal Server Error", null)};
    }
    if (send && !failures.isEmpty()) {
      int code = failures.poll();
      return new Object[] {
        code,
        error(
            code,
            code == 429 ? "Too Many Requests: retry after " + retryAfter : "Bad Gateway",
            code == 429 ? retryAfter : null)
      };
    }
    if (send && blocked.contains(params.get("chat_id"))) {
      return new Object[] {403, error(403, "Forbidden: bot was blocked by the user", null)};
    }
    Map<String, String> recorded = new LinkedHashMap<>(params);
    switch (method) {
      case "sendMessage", "sendPhoto" -> {
        botSaid(params, false);
        recorded.put("message_id", Integer.toString(nextMessage++));
        calls.add(new Call(method, recorded));
        byChat.computeIfAbsent(params.get("chat_id"), k -> new ArrayList<>()).add(calls.getLast());
        notifyAll();
        long chat = Long.parseLong(params.get("chat_id"));
        return new Object[] {
          200,
          ok(
              Map.of(
                  "message_id",
                  Integer.parseInt(recorded.get("message_id")),
                  "date",
                  1,
                  "chat",
                  chat(chat),
                  "text",
                  params.getOrDefault("text", "")))
        };
      }
      case "editMessageText" -> {
        botSaid(params, true);
        calls.add(new Call(method, recorded));
        byChat.computeIfAbsent(params.get("chat_id"), k -> new ArrayList<>()).add(calls.getLast());
        notifyAll();
        long chat = Long.parseLong(params.get("chat_id"));
        return new Object[] {
          200,
          ok(
              Map.of(
                  "message_id",
                  Integer.parseInt(params.get("message_id")),
                  "date",
                  1,
                  "chat",
                  chat(chat),
                  "text",
                  params.get("text")))
        };
      }
      case "getFile" -> {
        String id = params.get("file_id");
        if (!files.containsKey(id)) {
          return new Object[] {400, error(400, "Bad Request: invalid file_id", null)};
        }
        return new Object[] {
          200,
          ok(
              Map.of(
                  "file_id",
                  id,
                  "file_unique_id",
                  "u" + id,
                  "file_size",
                  files.get(id).length,
                  "file_path",
                  "photos/" + id))
        };
      }
      case "answerCallbackQuery", "setWebhook", "deleteWebhook" -> {
        calls.add(new Call(method, recorded));
        notifyAll();
        return new Object[] {200, ok(true)};
      }
      default -> {
        return new Object[] {404, error(404, "Not Found: method not found", null)};
      }
    }
  }

  private static Map<String, Object> ok(Object result) {
    return Map.of("ok", true, "result", result);
  }

  private static Map<String, Object> error(
      int code, String description, @Nullable Integer retryAfter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", false);
    body.put("error_code", code);
    body.put("description", description);
    if (retryAfter != null) {
      body.put("parameters", Map.of("retry_after", retryAfter));
    }
    return body;
  }

  private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body.isBlank()) {
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }
}
