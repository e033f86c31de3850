package org.hostel.complaints.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to a running service over real HTTP. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public Api(String base) {
    this.base = base;
  }

  public static Api onPort(int port) {
    return new Api("http://127.0.0.1:" + port);
  }

  public String base() {
    return base;
  }

  public Call call(String method, String path) {
    return new Call(method, path);
  }

  public Response get(String path, @Nullable String token) {
    return call("GET", path).token(token).send();
  }

  public Response post(String path, @Nullable String token, Object body) {
    return call("POST", path).token(token).json(body).send();
  }

  public Response patch(String path, @Nullable String token, Object body) {
    return call("PATCH", path).token(token).json(body).send();
  }

  public Response delete(String path, @Nullable String token) {
    return call("DELETE", path).token(token).send();
  }

  /** Logs in through the JSON endpoint and answers the access token. */
  public String login(String username, String password) {
    Response response =
        post("/auth/login-json", null, Map.of("username", username, "password", password));
    if (response.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + response);
    }
    return response.json().get("access_token").asString();
  }

  /** One request being put together. */
  public final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Call token(@Nullable String token) {
      if (token != null) {
        headers.put("Authorization", "Bearer " + token);
      }
      return this;
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Call json(Object value) {
      String text = value instanceof String s ? s : JSON.writeValueAsString(value);
      return raw("application/json", text);
    }

    public Call raw(String contentType, String text) {
      headers.put("Content-Type", contentType);
      body = HttpRequest.BodyPublishers.ofString(text);
      return this;
    }

    public Call bytes(String contentType, byte[] bytes) {
      headers.put("Content-Type", contentType);
      body = HttpRequest.BodyPublishers.ofByteArray(bytes);
      return this;
    }

    public Response send() {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .method(method, body);
      headers.forEach(request::header);
      try {
        HttpResponse<String> response =
            CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A response, with its body parsed on demand. */
  public record Response(int status, String body, HttpResponse<String> raw) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
