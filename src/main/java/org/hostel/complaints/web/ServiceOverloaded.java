package org.hostel.complaints.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 503 with {@code Retry-After}: refused at once so that accepted requests stay fast. */
public final class ServiceOverloaded extends ApiException {

  private final long retryAfterSeconds;

  private ServiceOverloaded(String detail, long retryAfterSeconds) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Service overloaded", detail);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public static ServiceOverloaded tooManyInFlight(long retryAfterSeconds) {
    return new ServiceOverloaded(
        "The server is at its limit of concurrent requests; retry shortly", retryAfterSeconds);
  }

  public static ServiceOverloaded databaseBusy() {
    return new ServiceOverloaded("No database connection became free in time; retry shortly", 1);
  }

  @Override
  public HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return headers;
  }
}
