package org.hostel.complaints.telegram;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every text the bot sends, from {@code telegram/messages.properties}: a second language is one
 * more file ({@code messages_xx.properties}) and nothing else.
 */
class Texts {

  private final ResourceBundle bundle;

  Texts(Locale locale) {
    this.bundle = ResourceBundle.getBundle("telegram.messages", locale);
  }

  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
