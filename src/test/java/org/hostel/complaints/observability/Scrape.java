package org.hostel.complaints.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape in the Prometheus text format (0.0.4), parsed strictly: a line that is not a comment or
 * a well-formed sample fails the parse, as it would fail Prometheus.
 */
public record Scrape(Map<String, String> types, List<Sample> samples) {

  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)( [0-9]+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  public static Scrape parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        if (types.put(parts[2], parts[3]) != null) {
          throw new AssertionError("family declared twice: " + line);
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new AssertionError("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(3) != null && !sample.group(3).isEmpty()) {
        Matcher label = LABEL.matcher(sample.group(3));
        int end = 0;
        while (label.find() && label.start() == end) {
          labels.put(label.group(1), label.group(2));
          end = label.end();
        }
        if (end != sample.group(3).length()) {
          throw new AssertionError("bad labels: " + line);
        }
      }
      samples.add(new Sample(sample.group(1), labels, value(sample.group(4))));
    }
    return new Scrape(types, samples);
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  public List<Sample> named(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** Label names seen on the samples of {@code name}. */
  public Set<Set<String>> labelSets(String name) {
    Set<Set<String>> sets = new java.util.HashSet<>();
    for (Sample s : named(name)) {
      sets.add(new TreeSet<>(s.labels().keySet()));
    }
    return sets;
  }

  /** The value of the one sample with exactly these labels, or 0 when there is none yet. */
  public double value(String name, Map<String, String> labels) {
    return named(name).stream()
        .filter(s -> s.labels().equals(labels))
        .mapToDouble(Sample::value)
        .findFirst()
        .orElse(0);
  }

  public boolean has(String name) {
    return !named(name).isEmpty();
  }
}
