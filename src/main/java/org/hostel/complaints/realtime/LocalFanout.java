package org.hostel.complaints.realtime;

/** A single instance: the sockets that must hear an event are all here. */
final class LocalFanout implements Fanout {

  private final DashboardSessions sessions;

  LocalFanout(DashboardSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void publish(Broadcast broadcast) {
    sessions.deliver(broadcast);
  }

  @Override
  public void revoke(String tokenId) {
    sessions.closeToken(tokenId);
  }

  @Override
  public String kind() {
    return "in-process";
  }
}
