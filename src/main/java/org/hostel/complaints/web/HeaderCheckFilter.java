package org.hostel.complaints.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose headers that this service parses hold anything but visible ASCII, spaces
 * and tabs. Tomcat hands header bytes over as ISO-8859-1, so 0x80-0xFF arrive as characters that
 * the ETag, media type and idempotency parsers were never meant to see (C1 controls made them fail
 * with a 500). Headers the service only passes through (user agent, cookies of other sites) are
 * left alone: they may legitimately carry UTF-8.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class HeaderCheckFilter extends OncePerRequestFilter {

  static final List<String> PARSED =
      List.of(
          "If-Match",
          "If-None-Match",
          "If-Modified-Since",
          "If-Unmodified-Since",
          "Idempotency-Key",
          "Content-Type",
          "Accept",
          "Authorization",
          "X-CSRF-Token",
          "X-Request-Id");

  private final JsonMapper json;

  HeaderCheckFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (String name : PARSED) {
      Enumeration<String> values = request.getHeaders(name);
      while (values != null && values.hasMoreElements()) {
        if (!visibleAscii(values.nextElement())) {
          Problems.write(
              response,
              json,
              MalformedRequest.because(
                  "The " + name + " header may hold only visible ASCII characters"));
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  static boolean visibleAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
