package org.hostel.complaints.mail;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach this service from outside, for links inside mails.
 *
 * @param publicBaseUrl the public origin, e.g. {@code https://complaints.example.org}: scheme http
 *     or https, a host, an optional port, nothing else ({@code COMPLAINTS_PUBLIC_BASE_URL});
 *     required when mail is on
 */
@ConfigurationProperties("complaints")
record PublicLinks(@DefaultValue("") String publicBaseUrl) {

  PublicLinks {
    if (!publicBaseUrl.isBlank()) {
      origin(publicBaseUrl);
    }
  }

  /** The origin without a trailing slash; fails for anything but an absolute http(s) origin. */
  static URI origin(String value) {
    String trimmed = value.strip();
    String problem =
        "COMPLAINTS_PUBLIC_BASE_URL must be an http(s) origin such as"
            + " https://complaints.example.org, not "
            + trimmed;
    URI uri;
    try {
      uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem, e);
    }
    boolean web =
        "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    if (!web
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(problem);
    }
    return uri;
  }
}
