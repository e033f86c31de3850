package org.hostel.complaints.observability;

import java.util.regex.Pattern;

/**
 * A statement's text with its values taken out, so the same statement logs and groups the same way
 * whatever it was called with, and no personal data reaches the log: string and number literals
 * become {@code ?}, lists of placeholders one {@code (?...)}, whitespace one space.
 */
final class SqlText {

  private static final Pattern STRINGS = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern NUMBERS = Pattern.compile("(?<![\\w$.])-?\\d+(?:\\.\\d+)?\\b");
  private static final Pattern LISTS = Pattern.compile("\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final int MAX = 1000;

  private SqlText() {}

  static String normalise(String sql) {
    String text = STRINGS.matcher(sql).replaceAll("?");
    text = NUMBERS.matcher(text).replaceAll("?");
    text = LISTS.matcher(text).replaceAll("(?...)");
    text = SPACE.matcher(text).replaceAll(" ").strip();
    return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
  }
}
