package org.hostel.complaints.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: {@code X-Request-Id} when the client sent a well-formed one, generated
 * otherwise. It is returned in the same header and is on every log line of the request, so a
 * client's report and the server's lines can be matched. It runs outside the access log and the
 * refusals (overload, rate limits), so their lines carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestIdFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "request_id";

  private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = request.getHeader(HEADER);
    if (id == null || !VALID_ID.matcher(id).matches()) {
      id = UUID.randomUUID().toString();
    }
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }
}
