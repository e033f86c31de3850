package org.hostel.complaints.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem documents for the answers no controller gives: errors sent by a filter or the container
 * ({@code sendError}, e.g. Spring Security's firewall) come through {@code /error}, and requests
 * Tomcat refuses before any servlet runs (an encoded slash or NUL in the path, a broken request
 * line) through its error report valve, which here writes the same kind of document instead of an
 * HTML page.
 */
@Hidden
@RestController
class ErrorDocuments implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    if (status == null || !status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(status));
  }

  static ProblemDetail problem(HttpStatus status) {
    String slug = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    String detail =
        status.is4xxClientError()
            ? "The request was refused: " + status.getReasonPhrase()
            : "The server failed to answer this request";
    return Problems.of(status, slug, status.getReasonPhrase(), detail);
  }

  /** Puts {@link ProblemValve} where Tomcat's own error report valve was. */
  @Component
  static class ValveSwap
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
              }
            }
            host.getPipeline().addValve(new ProblemValve());
            if (host instanceof org.apache.catalina.core.StandardHost standard) {
              standard.setErrorReportValveClass(ProblemValve.class.getName());
            }
          });
    }

    /** After Spring Boot's own customizer, which adds the plain valve. */
    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  /** Tomcat's error report valve, writing a problem document instead of an HTML page. */
  public static class ProblemValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int code = response.getStatus();
      if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus status = HttpStatus.resolve(code);
      ProblemDetail problem = problem(status == null ? HttpStatus.BAD_REQUEST : status);
      String body =
          "{\"type\":\""
              + problem.getType()
              + "\",\"title\":\""
              + problem.getTitle()
              + "\",\"status\":"
              + code
              + ",\"detail\":\""
              + problem.getDetail()
              + "\"}";
      try {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException ignored) {
        // The connection is gone or the answer already started: nothing left to tell.
      }
    }
  }
}
