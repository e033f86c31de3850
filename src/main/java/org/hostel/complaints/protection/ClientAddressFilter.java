package org.hostel.complaints.protection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.hostel.complaints.web.AddressRange;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place forwarded headers are believed, and only from the proxies in {@code
 * COMPLAINTS_RATE_LIMIT_TRUSTED_PROXIES}: through one, {@code getRemoteAddr()} becomes the real
 * client (from {@code X-Forwarded-For}, or {@code Forwarded: for=}) and the scheme that of the
 * client's connection ({@code X-Forwarded-Proto}, or {@code Forwarded: proto=}), so rate limits,
 * login limits, logs, {@code /metrics} access and Secure cookies all see the same client. The chain
 * is read only as far back as the trusted hops go. From anyone else every forwarded header is
 * hidden from the rest of the application, so nothing further in can be fooled by it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientAddressFilter extends OncePerRequestFilter {

  private final List<AddressRange> trusted;

  ClientAddressFilter(RateLimitSettings settings) {
    this.trusted = AddressRange.parseAll(settings.trustedProxies());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!AddressRange.anyContains(trusted, request.getRemoteAddr())) {
      // Left in place but believed by nobody: /metrics reads their mere presence as "came
      // through some proxy" and then wants its token.
      chain.doFilter(request, response);
      return;
    }
    Enumeration<String> forwardedFor = request.getHeaders("X-Forwarded-For");
    List<String> hops = forwardedFor.hasMoreElements() ? hops(forwardedFor) : forwardedFor(request);
    String client = resolve(request.getRemoteAddr(), hops, trusted);
    String proto = proto(request);
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

          @Override
          public String getScheme() {
            return proto != null ? proto : super.getScheme();
          }

          @Override
          public boolean isSecure() {
            return proto != null ? proto.equals("https") : super.isSecure();
          }
        },
        response);
  }

  /** What the nearest (trusted) proxy says about the client's connection; null if nothing. */
  private static @Nullable String proto(HttpServletRequest request) {
    String value = last(request.getHeaders("X-Forwarded-Proto"));
    if (value == null) {
      value = forwardedParameter(request, "proto");
    }
    if (value == null) {
      return null;
    }
    String proto = value.trim().toLowerCase(Locale.ROOT);
    return proto.equals("https") || proto.equals("http") ? proto : null;
  }

  private static @Nullable String last(Enumeration<String> values) {
    List<String> all = hops(values);
    return all.isEmpty() ? null : all.getLast();
  }

  private static List<String> hops(Enumeration<String> headers) {
    List<String> hops = new ArrayList<>();
    while (headers.hasMoreElements()) {
      for (String hop : headers.nextElement().split(",")) {
        hops.add(hop.trim());
      }
    }
    return hops;
  }

  /** The {@code for=} of each element of RFC 7239 {@code Forwarded} headers, in order. */
  private static List<String> forwardedFor(HttpServletRequest request) {
    List<String> hops = new ArrayList<>();
    for (String element : hops(request.getHeaders("Forwarded"))) {
      String value = parameter(element, "for");
      hops.add(value == null ? "unknown" : value);
    }
    return hops;
  }

  private static @Nullable String forwardedParameter(HttpServletRequest request, String name) {
    List<String> elements = hops(request.getHeaders("Forwarded"));
    return elements.isEmpty() ? null : parameter(elements.getLast(), name);
  }

  private static @Nullable String parameter(String element, String name) {
    for (String pair : element.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String value = pair.substring(eq + 1).trim().replace("\"", "");
        if (value.startsWith("[")) {
          int end = value.indexOf(']');
          return end > 0 ? value.substring(1, end) : value;
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
      }
    }
    return null;
  }

  /**
   * Walks the forwarding chain from the nearest hop outwards and stops at the first address that is
   * not a trusted proxy; stops early, at the last trusted hop, on anything that is not an IP
   * literal.
   */
  static String resolve(String peer, List<String> hops, List<AddressRange> trusted) {
    if (!AddressRange.anyContains(trusted, peer)) {
      return peer;
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

  static String resolve(
      String peer, Enumeration<String> forwardedHeaders, List<AddressRange> trusted) {
    return resolve(peer, hops(forwardedHeaders), trusted);
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
