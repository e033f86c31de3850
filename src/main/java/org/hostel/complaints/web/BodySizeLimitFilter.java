package org.hostel.complaints.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps non-upload request bodies, by the declared length when there is one and by counting
 * otherwise, so that a huge or endless body costs nothing but a 413. Multipart bodies are refused
 * with a 415 before they are read, except on the endpoints declared as {@link MultipartEndpoint}s;
 * those are parsed only when their controller asks for the part (after authentication and rate
 * limits), within the multipart limits the declaring feature sets.
 */
@Component
@EnableConfigurationProperties(WebSettings.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final JsonMapper json;
  private final List<MultipartEndpoint> multipart;

  BodySizeLimitFilter(
      WebSettings settings, JsonMapper json, ObjectProvider<MultipartEndpoint> multipart) {
    this.limit = settings.maxBodySize().toBytes();
    this.json = json;
    this.multipart = multipart.orderedStream().toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && (type.startsWith("image/") || type.startsWith("application/octet-stream"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (multipart.stream().anyMatch(m -> m.matches(request.getMethod(), path))) {
        chain.doFilter(request, response);
      } else {
        Problems.write(
            response,
            json,
            Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported Media Type",
                "Only photo uploads take multipart/form-data; this endpoint does not"));
      }
      return;
    }
    if (request.getContentLengthLong() > limit) {
      Problems.write(response, json, PayloadTooLarge.body(limit));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private @org.jspecify.annotations.Nullable ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long count;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      count += n;
      if (count > limit) {
        // Readers of a stream expect an IOException; the advice finds the problem as its cause.
        throw new IOException("Request body over " + limit + " bytes", PayloadTooLarge.body(limit));
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
