package org.hostel.complaints.protection;

/**
 * Token buckets keyed by whatever the caller chooses (a client address, a user name). In memory on
 * a single instance; in Redis when configured, so that a client cannot multiply its limit by the
 * number of instances.
 */
public interface RateLimiter {

  /** Takes one token; answers how long to wait when there is none. */
  Decision tryAcquire(String key, Limit limit);

  /** Whether a token is there, without taking it. */
  Decision peek(String key, Limit limit);

  /** Takes one token if there is one, whatever the outcome; used to count failures. */
  void consume(String key, Limit limit);

  /**
   * @param allowed whether the request may go on
   * @param remaining tokens left after this one
   * @param retryAfterSeconds when not allowed, seconds until a token is back
   */
  record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}
}
