package org.hostel.complaints.protection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hostel.complaints.web.AddressRange;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code getRemoteAddr()} the real client when the request came through a trusted proxy, so
 * that rate limits, login limits and logs see the client and not the proxy. {@code X-Forwarded-For}
 * is read only when the direct peer is trusted, and only as far back as the trusted hops go: a
 * client cannot pick its own address by sending the header itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientAddressFilter extends OncePerRequestFilter {

  private final List<AddressRange> trusted;

  ClientAddressFilter(RateLimitSettings settings) {
    this.trusted = AddressRange.parseAll(settings.trustedProxies());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return trusted.isEmpty() || request.getHeader("X-Forwarded-For") == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client =
        resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"), trusted);
    if (client.equals(request.getRemoteAddr())) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public String getRemoteAddr() {
            return client;
          }

          @Override
          public String getRemoteHost() {
            return client;
          }
        },
        response);
  }

  /**
   * Walks the forwarding chain from the nearest hop outwards and stops at the first address that is
   * not a trusted proxy; stops early, at the last trusted hop, on anything that is not an IP
   * literal.
   */
  static String resolve(
      String peer, java.util.Enumeration<String> forwardedHeaders, List<AddressRange> trusted) {
    if (!AddressRange.anyContains(trusted, peer)) {
      return peer;
    }
    List<String> hops = new java.util.ArrayList<>();
    while (forwardedHeaders.hasMoreElements()) {
      for (String hop : forwardedHeaders.nextElement().split(",")) {
        hops.add(hop.trim());
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!isAddress(hop)) {
        break;
      }
      client = hop;
      if (!AddressRange.anyContains(trusted, hop)) {
        break;
      }
    }
    return client;
  }

  private static boolean isAddress(String text) {
    try {
      AddressRange.parse(text);
      return !text.contains("/");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
