package org.hostel.complaints.complaint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a complaint came in: the Telegram bot, the public web page, the web page opened from a room's
 * QR poster, or a member of staff (or an integration) through the API. Set once at submission.
 */
public enum Channel {
  BOT,
  PORTAL,
  POSTER,
  STAFF;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value();
  }

  static Channel fromValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  static String names() {
    return Arrays.stream(values()).map(Channel::value).collect(Collectors.joining(", "));
  }
}
