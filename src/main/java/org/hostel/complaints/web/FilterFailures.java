package org.hostel.complaints.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents for failures raised in filters, outside the MVC layer that {@link
 * ProblemAdvice} covers: authentication reads the caller's account from the database before any
 * controller runs, so a pool that has no connection free in time would otherwise end in the
 * container's default 500 page. Here it is the same fast {@code 503} with {@code Retry-After} a
 * controller gives; anything else is a logged {@code 500} problem document. It sits inside the
 * access filter, so the answer is counted with its real status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class FilterFailures extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(FilterFailures.class);

  private final JsonMapper json;

  FilterFailures(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException failure) {
      if (response.isCommitted()) {
        throw failure;
      }
      // Only the body goes: headers set on the way in (request id, security headers) stay.
      response.resetBuffer();
      MalformedRequest malformed = MalformedRequest.fromParameters(failure);
      if (malformed != null) {
        Problems.write(response, json, malformed);
        return;
      }
      if (poolExhausted(failure)) {
        log.warn("Answered 503: {}", failure.getMessage());
        Problems.write(response, json, ServiceOverloaded.databaseBusy());
        return;
      }
      log.error("Unhandled failure in a filter", failure);
      Problems.write(
          response,
          json,
          Problems.of(
              HttpStatus.INTERNAL_SERVER_ERROR,
              "internal-error",
              "Internal error",
              "The server failed to answer this request; it has been logged"));
    }
  }

  /**
   * A database connection (or the embedded database's write turn) did not come in time: Hikari and
   * the write permit give up with a transient-connection error. That is overload (or a database
   * outage), which the client should retry, not a bug.
   */
  static boolean poolExhausted(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }
}
