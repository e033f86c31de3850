package org.hostel.complaints.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The configured room pattern in words for office staff ("a letter A–H followed by three digits")
 * with an example that matches it ("A312"). Only simple patterns (character classes, digits and
 * literal characters with counts) can be put in words; for others the catalog falls back to the
 * configured description.
 */
final class RoomFormat {

  private static final String[] NUMBERS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
  };
  private static final String EXAMPLE_DIGITS = "3124567890";

  /** One piece of a room number: {@code chars} as ranges (pairs), between min and max times. */
  private record Atom(List<char[]> ranges, int min, int max) {

    boolean letters() {
      return ranges.stream().allMatch(r -> Character.isLetter(r[0]) && Character.isLetter(r[1]));
    }

    boolean digits() {
      return ranges.stream().allMatch(r -> Character.isDigit(r[0]) && Character.isDigit(r[1]));
    }

    boolean literal() {
      return ranges.size() == 1 && ranges.getFirst()[0] == ranges.getFirst()[1];
    }
  }

  private final String words;
  private final @Nullable String example;

  private RoomFormat(String words, @Nullable String example) {
    this.words = words;
    this.example = example;
  }

  /** The pattern in words, or empty when it is not one of the simple shapes. */
  static Optional<RoomFormat> of(String regex) {
    List<Atom> atoms = parse(regex);
    if (atoms == null || atoms.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = atoms.stream().map(RoomFormat::describe).toList();
    StringBuilder example = new StringBuilder();
    int digit = 0;
    for (Atom atom : atoms) {
      for (int i = 0; i < Math.max(atom.min(), 0); i++) {
        char[] first = atom.ranges().getFirst();
        if (atom.digits() && !atom.literal()) {
          char pick = EXAMPLE_DIGITS.charAt(digit++ % EXAMPLE_DIGITS.length());
          example.append(pick >= first[0] && pick <= first[1] ? pick : first[0]);
        } else {
          example.append(first[0]);
        }
      }
    }
    String sample = Pattern.compile(regex).matcher(example).matches() ? example.toString() : null;
    return Optional.of(new RoomFormat(String.join(" followed by ", parts), sample));
  }

  /** "a letter A–H followed by three digits". */
  String words() {
    return words;
  }

  /** A room number that matches, such as "A312"; null when none could be made. */
  @Nullable String example() {
    return example;
  }

  private static String describe(Atom atom) {
    String noun;
    String range = "";
    if (atom.literal()) {
      char c = atom.ranges().getFirst()[0];
      noun = c == '-' ? "dash" : "“" + c + "”";
    } else if (atom.digits()) {
      noun = "digit";
      range = atom.ranges().size() == 1 && isAll(atom, '0', '9') ? "" : ranges(atom);
    } else if (atom.letters()) {
      noun = "letter";
      range = atom.ranges().size() == 1 && isAll(atom, 'A', 'Z') ? "" : ranges(atom);
    } else {
      noun = "letter or digit";
    }
    String count;
    boolean plural;
    if (atom.min() == atom.max()) {
      count = atom.min() == 1 ? "a" : number(atom.min());
      plural = atom.min() != 1;
    } else if (atom.min() == 0 && atom.max() == 1) {
      count = "optionally a";
      plural = false;
    } else {
      count = number(atom.min()) + " to " + number(atom.max());
      plural = true;
    }
    String text = count + " " + noun + (plural ? "s" : "") + (range.isEmpty() ? "" : " " + range);
    return atom.literal() && atom.min() == 1 && atom.max() == 1 ? "a " + noun : text;
  }

  private static boolean isAll(Atom atom, char from, char to) {
    char[] r = atom.ranges().getFirst();
    return r[0] == from && r[1] == to;
  }

  private static String ranges(Atom atom) {
    List<String> names = new ArrayList<>();
    for (char[] r : atom.ranges()) {
      names.add(r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "–" + r[1]);
    }
    return String.join(" or ", names);
  }

  private static String number(int n) {
    return n >= 0 && n < NUMBERS.length ? NUMBERS[n] : String.valueOf(n);
  }

  /** Atoms of a simple pattern, or null when it has anything else (groups, alternatives…). */
  private static @Nullable List<Atom> parse(String regex) {
    String body = regex;
    if (body.startsWith("^")) {
      body = body.substring(1);
    }
    if (body.endsWith("$") && !body.endsWith("\\$")) {
      body = body.substring(0, body.length() - 1);
    }
    List<Atom> atoms = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      List<char[]> ranges = new ArrayList<>();
      char c = body.charAt(i);
      if (c == '[') {
        int end = body.indexOf(']', i);
        if (end < 0 || body.charAt(i + 1) == '^') {
          return null;
        }
        String inside = body.substring(i + 1, end);
        for (int j = 0; j < inside.length(); j++) {
          char from = inside.charAt(j);
          if (!Character.isLetterOrDigit(from)) {
            return null;
          }
          if (j + 2 < inside.length() && inside.charAt(j + 1) == '-') {
            ranges.add(new char[] {from, inside.charAt(j + 2)});
            j += 2;
          } else {
            ranges.add(new char[] {from, from});
          }
        }
        i = end + 1;
      } else if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == 'd') {
        ranges.add(new char[] {'0', '9'});
        i += 2;
      } else if (Character.isLetterOrDigit(c) || c == '-') {
        ranges.add(new char[] {c, c});
        i += 1;
      } else {
        return null;
      }
      if (ranges.isEmpty()) {
        return null;
      }
      int min = 1;
      int max = 1;
      if (i < body.length() && body.charAt(i) == '?') {
        min = 0;
        i += 1;
      } else if (i < body.length() && body.charAt(i) == '{') {
        int end = body.indexOf('}', i);
        if (end < 0) {
          return null;
        }
        String[] bounds = body.substring(i + 1, end).split(",", -1);
        try {
          min = Integer.parseInt(bounds[0].strip());
          max = bounds.length == 1 ? min : Integer.parseInt(bounds[1].strip());
        } catch (NumberFormatException e) {
          return null;
        }
        if (bounds.length > 2 || max < min) {
          return null;
        }
        i = end + 1;
      }
      atoms.add(new Atom(ranges, min, max));
    }
    return atoms;
  }
}
