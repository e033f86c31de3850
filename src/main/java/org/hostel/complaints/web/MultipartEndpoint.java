package org.hostel.complaints.web;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A request a feature wants to receive as {@code multipart/form-data}, declared as a bean. Every
 * other multipart request is refused with {@code 415} before a byte of its body is read, so that
 * nobody can make the container spool a large body to disk on an endpoint that never takes one.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path a path pattern, e.g. {@code /api/v1/complaints/{id}/photos}
 */
public record MultipartEndpoint(String method, String path) {

  boolean matches(String requestMethod, String requestPath) {
    PathPattern pattern = PathPatternParser.defaultInstance.parse(path);
    return method.equalsIgnoreCase(requestMethod)
        && pattern.matches(PathContainer.parsePath(requestPath));
  }
}
