package org.hostel.complaints.telegram;

import org.hostel.complaints.observability.DependencyCheck;

/**
 * The bot in readiness: shows whether it polls, stands by or cannot reach Telegram, without ever
 * taking the instance out of rotation (residents' messages wait at Telegram meanwhile).
 */
class BotCheck implements DependencyCheck {

  private final BotState state;

  BotCheck(BotState state) {
    this.state = state;
  }

  @Override
  public String name() {
    return "telegram";
  }

  @Override
  public void check() {
    if ("unreachable".equals(state.details().get("state"))) {
      throw new IllegalStateException("Telegram is unreachable: " + state.details().get("error"));
    }
  }

  @Override
  public boolean required() {
    return false;
  }
}
