package org.hostel.complaints.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the client caused or must react to. Each subclass names one stable problem type; the
 * advice turns it into an RFC 9457 document with {@link #status()}, {@link #title()} and the
 * message as {@code detail}.
 */
public abstract class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;

  protected ApiException(HttpStatus status, String type, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** Headers the answer must carry, such as {@code Retry-After}. */
  public HttpHeaders headers() {
    return HttpHeaders.EMPTY;
  }

  /** Field errors for validation problems; empty otherwise. */
  public List<FieldProblem> fieldErrors() {
    return List.of();
  }

  public ProblemDetail toProblem() {
    ProblemDetail problem = Problems.of(status, type, title, getMessage());
    if (!fieldErrors().isEmpty()) {
      problem.setProperty("errors", fieldErrors());
    }
    return problem;
  }

  /** One rejected input field. */
  public record FieldProblem(String field, String message) {}

  static URI typeUri(String type) {
    return URI.create("/problems/" + type);
  }
}
