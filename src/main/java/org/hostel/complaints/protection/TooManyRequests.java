package org.hostel.complaints.protection;

import org.hostel.complaints.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 with the number of seconds after which a retry can succeed. */
public final class TooManyRequests extends ApiException {

  private final long retryAfterSeconds;

  private TooManyRequests(String detail, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static TooManyRequests retryAfter(String what, long seconds) {
    return new TooManyRequests(
        "Too many " + what + "; try again in " + seconds + " s", Math.max(1, seconds));
  }

  @Override
  public HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return headers;
  }
}
