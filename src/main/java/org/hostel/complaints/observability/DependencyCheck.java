package org.hostel.complaints.observability;

/**
 * Something readiness depends on (the database, Redis, photo storage). Features that bring such a
 * dependency contribute a bean; {@code /health} and {@code /health/ready} run them all, each under
 * a time limit.
 */
public interface DependencyCheck {

  /** The key under {@code checks} in the health answer, e.g. {@code redis}. */
  String name();

  /**
   * Returns quietly when the dependency answers, throws when it does not. The exception's message
   * is logged, never shown to the caller of {@code /health}.
   */
  void check() throws Exception;

  /**
   * False for a check that informs without deciding: when it fails it shows as {@code degraded} and
   * readiness stays up. For things an instance serves well without (a notification channel), where
   * taking the instance out of the load balancer would not help.
   */
  default boolean required() {
    return true;
  }
}
