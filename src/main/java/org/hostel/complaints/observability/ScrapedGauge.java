package org.hostel.complaints.observability;

import java.util.Map;

/**
 * A gauge family with one label, read each time {@code /metrics} is scraped and written by the
 * metrics endpoint itself. It exists for names the contract fixes but the Prometheus client behind
 * Micrometer refuses for gauges (those ending in {@code _total}); other figures belong in
 * Micrometer. Features contribute implementations as beans.
 */
public interface ScrapedGauge {

  /** The exposed name, e.g. {@code active_complaints_total}. */
  String name();

  /** One line of help text. */
  String help();

  /** The one label's name, e.g. {@code status}. */
  String label();

  /** Current value per label value; may throw when its source is down (the family is skipped). */
  Map<String, ? extends Number> read();
}
