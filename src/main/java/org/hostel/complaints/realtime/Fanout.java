package org.hostel.complaints.realtime;

/**
 * Carries a broadcast to the dashboard sockets of every instance: directly on a single instance,
 * through Redis pub/sub when several share one Redis.
 */
interface Fanout {

  void publish(Broadcast broadcast);

  /** Closes, on every instance, the sockets opened with this (now revoked) token. */
  void revoke(String tokenId);

  /** {@code in-process} or {@code redis}, for the health answer. */
  String kind();
}
