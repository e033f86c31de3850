package org.hostel.complaints.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds and writes problem documents, also from filters that run before Spring MVC. */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ApiException.typeUri(type));
    problem.setTitle(title);
    return problem;
  }

  public static void write(HttpServletResponse response, JsonMapper json, ApiException failure)
      throws IOException {
    failure.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    write(response, json, failure.toProblem());
  }

  public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
